// The bench keeps the middle of repeated measurements: with an odd count it is one that was measured,
// so the figures beside it (a burst's other fields) belong to the same run.

/** The middle item of `xs` by `by` (the upper one of the two for an even count). */
export const middleBy = <T>(xs: readonly T[], by: (x: T) => number): T => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];

export const median = (xs: readonly number[]): number => middleBy(xs, (x) => x);
