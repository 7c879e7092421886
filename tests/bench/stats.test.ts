import { strict as assert } from "assert";
import { leastSquares, median } from "../../bench/stats";

describe("bench statistics", () => {
    describe("median", () => {
        const cases: [string, number[], number][] = [
            ["one value", [7], 7],
            ["odd count, unsorted", [9, 1, 5], 5],
            ["even count: mean of the middle two", [4, 1, 3, 2], 2.5],
            ["an outlier does not move it", [100, 101, 99, 5000, 102], 101],
            ["repeated values", [3, 3, 1, 3], 3],
        ];
        for (const [title, values, expected] of cases) {
            it(title, () => assert.equal(median(values), expected));
        }

        it("leaves its input unsorted", () => {
            const values = [3, 1, 2];
            median(values);
            assert.deepEqual(values, [3, 1, 2]);
        });

        it("refuses an empty sample", () => assert.throws(() => median([]), /^Error: median of an empty sample$/));
    });

    describe("leastSquares", () => {
        it("recovers an exact line", () => {
            assert.deepEqual(leastSquares([1, 10, 50], [1030, 1300, 2500]), { slope: 30, intercept: 1000 });
        });

        it("fits noisy points: slope and intercept of the best line", () => {
            // Points around y = 2x + 1 with residuals +1, -2, +1 (they sum to zero and are orthogonal to x).
            const line = leastSquares([0, 1, 2], [2, 1, 6]);
            assert.equal(line.slope, 2);
            assert.equal(line.intercept, 1);
        });

        it("gives a negative slope for falling times", () => {
            assert.deepEqual(leastSquares([1, 2, 3], [30, 20, 10]), { slope: -10, intercept: 40 });
        });

        const refused: [string, number[], number[], RegExp][] = [
            ["mismatched lengths", [1, 2], [1], /^Error: least squares needs as many x as y values \(got 2 and 1\)$/],
            ["a single x value", [5, 5, 5], [1, 2, 3], /^Error: least squares needs at least two distinct x values$/],
        ];
        for (const [title, xs, ys, message] of refused) {
            it(`refuses ${title}`, () => assert.throws(() => leastSquares(xs, ys), message));
        }
    });
});
