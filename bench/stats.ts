/** The middle value of a sample (the mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
    if (values.length === 0) {
        throw new Error("median of an empty sample");
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A straight line `y = intercept + slope · x`. */
export interface Line {
    slope: number;
    intercept: number;
}

/** The least-squares line through the points `(xs[i], ys[i])`; needs at least two distinct x values. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): Line {
    if (xs.length !== ys.length) {
        throw new Error(`least squares needs as many x as y values (got ${xs.length} and ${ys.length})`);
    }
    const n = xs.length;
    const meanX = xs.reduce((a, b) => a + b, 0) / n;
    const meanY = ys.reduce((a, b) => a + b, 0) / n;
    let covariance = 0;
    let variance = 0;
    for (let i = 0; i < n; i++) {
        covariance += (xs[i] - meanX) * (ys[i] - meanY);
        variance += (xs[i] - meanX) ** 2;
    }
    if (variance === 0) {
        throw new Error("least squares needs at least two distinct x values");
    }
    const slope = covariance / variance;
    return { slope, intercept: meanY - slope * meanX };
}
