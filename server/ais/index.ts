// AIS (NMEA 0183 !AIVDM / !AIVDO) decoding, written from the public AIVDM/AIVDO
// description. Pure: no network, no database. Wire it to a source with AisStreamDecoder:
//
//   const decoder = new AisStreamDecoder();
//   for (const message of decoder.feedText(datagram, Date.now())) { ... }
//
// and map messages to what Quayside stores with toVesselPosition / toVesselStatic.
export { AisStreamDecoder, type AisStreamDecoderOptions } from './stream-decoder.ts';
export { toVesselPosition, toVesselStatic } from './to-quayside.ts';
export { etaToEpochMs } from './eta.ts';
export {
  decodePayload,
  LENGTH_BOUNDS,
  type MessageContext,
  type PayloadOutcome,
} from './decode-payload.ts';
export { parseLine, type LineResult, type VdmSentence } from './nmea-sentence.ts';
export { parseTagBlock, unixTimeToMs, type TagBlock, type TagBlockGroup } from './tag-block.ts';
export { FragmentAssembler, type AssemblerOptions, type CompleteMessage } from './reassembly.ts';
export { ClassBStaticCache } from './static-cache.ts';
export { PayloadBits } from './payload-bits.ts';
export { nmeaChecksum } from './checksum.ts';
export * from './types.ts';
