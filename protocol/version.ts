/** Bumped whenever a wire shape changes incompatibly; the live channel's hello carries it. */
export const PROTOCOL_VERSION = 1;
