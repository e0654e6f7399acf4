// Test helper: decode one message built with the encoder, failing loudly when it does not decode.
import { decodePayload } from '../decode-payload.ts';
import type { AisMessage } from '../types.ts';
import type { BitWriter } from '../../../simulators/ais/ais-encoder.ts';

const context = {
  receivedAtMs: 0,
  timeSource: 'receive' as const,
  channel: 'A',
  talker: 'AI',
  ownShip: false,
  raw: [],
};

export function decode(w: BitWriter): AisMessage {
  const { payload, fillBits } = w.armour();
  const outcome = decodePayload(payload, fillBits, context);
  if (outcome.kind !== 'message') throw new Error(JSON.stringify(outcome));
  return outcome.message;
}

/** What decodePayload says about a message that is not expected to decode. */
export function outcomeOf(w: BitWriter): ReturnType<typeof decodePayload> {
  const { payload, fillBits } = w.armour();
  return decodePayload(payload, fillBits, context);
}
