// erfc and the two-sided normal p-value against SciPy 1.17.1 (scipy.special.erfc, Cody's rational
// approximations, double precision). Reference values made with:
//   python3 -c "from scipy.special import erfc; print([repr(float(erfc(x))) for x in XS])"
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedP } from '../../../domain/hotspots/normal.ts';

const SCIPY_ERFC: [number, number][] = [
  [0, 1],
  [1e-8, 0.9999999887162083],
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028516],
  [1.5, 0.03389485352468927],
  [1.9999, 0.00467980209297061], // just below the switch from the series to the continued fraction
  [2, 0.004677734981047266],
  [2.5, 0.00040695201744495886],
  [3, 2.2090496998585445e-5],
  [4, 1.541725790028002e-8],
  [5, 1.5374597944280347e-12],
  [6, 2.1519736712498913e-17],
  [10, 2.0884875837625446e-45],
  [20, 5.395865611607901e-176],
  [26, 5.663192408856145e-296],
  [-0.5, 1.5204998778130465],
  [-2, 1.9953222650189528],
];

describe('erfc', () => {
  it.each(SCIPY_ERFC)('erfc(%d) agrees with SciPy to 1e-13 relative', (x, ref) => {
    expect(Math.abs(erfc(x) - ref) / ref).toBeLessThan(1e-13);
  });
  it('is 0 where e^(−x²) underflows, 2 at −∞, NaN for NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('normal tails', () => {
  it('gives the textbook critical values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(2.5758293035489)).toBeCloseTo(0.01, 13);
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  });
  it('is symmetric, 1 at z = 0, and keeps tiny p-values apart', () => {
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(-3)).toBe(twoSidedP(3));
    expect(twoSidedP(6)).toBeGreaterThan(twoSidedP(7));
    expect(twoSidedP(7)).toBeGreaterThan(0);
  });
});
