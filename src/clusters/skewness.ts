/**
 * Sample skewness g1 = m3 / m2^(3/2), the Fisher–Pearson moment coefficient with population moments
 * m_r = Σ(x − x̄)^r / n (Joanes & Gill 1998, The Statistician 47(1), "g1"), over the finite values only.
 * 0 when the values have no spread or fewer than 3 are finite.
 *
 * @example skewness(Float64Array.of(0, 0, 0, 0, 10)); // 1.5
 */
export function skewness(values: Float64Array): number {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      count++;
      sum += v;
    }
  }
  if (count < 3) return 0;
  const mean = sum / count;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= count;
  m3 /= count;
  if (!(m2 > 1e-24 * Math.max(1, mean * mean))) return 0;
  return m3 / Math.pow(m2, 1.5);
}
