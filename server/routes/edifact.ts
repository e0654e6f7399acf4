// POST /api/v1/edifact: one UN/EDIFACT interchange (SMDG COARRI, CODECO, BAPLIE). Each
// message is applied whole or not at all; the reply lists every error with its message
// reference and segment number. What maps is stored like any other event, idempotently.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import type { PortModel } from '../../protocol/port-model.ts';
import { edifactReply, interpretInterchange, storedEventsOf } from '../edifact/interpret.ts';
import type { BatchWriter } from '../ingest/batch-writer.ts';
import { MAX_BATCH_BYTES } from '../ingest/batch-envelope.ts';
import { refuseFailedWrite, refuseNonText } from './refusals.ts';
import { requireIngestKey } from './require-ingest-key.ts';

const EdifactReply = Type.Object({
  messages: Type.Integer(),
  events: Type.Integer({
    description: 'events stored (or already stored) from the messages that mapped',
  }),
  errors: Type.Array(
    Type.Object({
      message: Type.Union([Type.String(), Type.Null()], {
        description: 'UNH message reference; null for the interchange',
      }),
      segment: Type.Integer({
        description: 'segment number, UNH = 1 (UNB = 1 for interchange errors)',
      }),
      reason: Type.String(),
    }),
  ),
});

/** The port's UN/LOCODE: the model's port id starts with it (e.g. CNSHA-DEMO). */
export function portLocode(model: PortModel): string {
  const candidate = model.properties.portId.slice(0, 5).toUpperCase();
  if (!/^[A-Z]{2}[A-Z2-9]{3}$/.test(candidate))
    throw new Error(
      `the port model's portId ${model.properties.portId} does not start with a UN/LOCODE`,
    );
  return candidate;
}

export async function edifactRoutes(
  app: FastifyInstance,
  deps: { writer: BatchWriter; portModel: PortModel; ingestKey: string },
): Promise<void> {
  const locode = portLocode(deps.portModel);
  app.post(
    '/api/v1/edifact',
    {
      bodyLimit: MAX_BATCH_BYTES,
      onRequest: requireIngestKey(deps.ingestKey),
      schema: {
        summary: 'One UN/EDIFACT interchange (text/plain): SMDG COARRI, CODECO, BAPLIE',
        response: { 200: EdifactReply },
        security: [{ ingestKey: [] }],
      },
    },
    async (request, typedReply) => {
      const reply = typedReply as FastifyReply; // answers other than the 200 schema below
      if (typeof request.body !== 'string') return refuseNonText(reply, 'interchange');
      const result = interpretInterchange(request.body, {
        portLocode: locode,
        timeZone: deps.portModel.properties.timeZone,
        nowMs: Date.now(),
      });
      try {
        await deps.writer.write({ equipment: [], vessels: [], events: storedEventsOf(result) });
      } catch (error) {
        return refuseFailedWrite(request, reply, error, 'interchange').sent;
      }
      return edifactReply(result);
    },
  );
}
