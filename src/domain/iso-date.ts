// A calendar day as an ISO `YYYY-MM-DD` string: the date type every domain
// module shares. Its own module, so types.ts and messages.ts (which both use
// it, and types.ts uses messages.ts) form no circle.

export type IsoDate = string
