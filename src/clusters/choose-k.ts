import type { KMeansFit } from './lloyd.js';
import { kmeans } from './kmeans.js';
import { deriveSeed, randomStream, STREAM } from './derive-seed.js';
import { gatherRows, sampleIndices } from './sample-indices.js';
import type { SegmentSettings } from './segment-options.js';
import { SegmentationError } from './segmentation-error.js';
import { significant } from './significant.js';
import { meanWidth, silhouetteBatch } from './silhouette.js';

export interface Scored {
  k: number;
  /** Mean silhouette width on the silhouette sample. */
  score: number;
  /** k-means on the fitting sample (all customers when there are few). */
  fit: KMeansFit;
}

/** Lloyd steps at most per restart while k is being chosen. */
const SAMPLE_ITERATIONS = 100;

/**
 * Fits k-means for each candidate k (the forced one, or every k in `kRange`) on a seeded random sample of
 * `fitSampleSize` customers, and scores each partition by its mean silhouette (Rousseeuw 1987) on a seeded
 * subsample of `sampleSize` of them; the best is the highest score (the lower k on ties). Stops at the first k
 * with more clusters than distinct customers, unless that is the first k tried.
 */
export function chooseK(
  matrix: Float64Array,
  dims: number,
  settings: SegmentSettings,
  notes: string[],
): { tried: Scored[]; chosen: Scored; fitRows: Int32Array } {
  const n = matrix.length / dims;
  const fitRows = sampleIndices(n, settings.fitSampleSize, randomStream(settings.seed, STREAM.fit));
  const points = fitRows.length < n ? gatherRows(matrix, dims, fitRows) : matrix;
  const silhouetteRows = sampleIndices(
    fitRows.length,
    settings.sampleSize,
    randomStream(settings.seed, STREAM.silhouette),
  );
  const [low, high] = settings.k === 'auto' ? settings.kRange : [settings.k, settings.k];
  const fits: KMeansFit[] = [];
  for (let k = low; k <= high; k++) {
    try {
      const seed = deriveSeed(settings.seed, STREAM.kmeans);
      fits.push(
        kmeans(points, dims, { k, seed, restarts: settings.restarts, maxIterations: SAMPLE_ITERATIONS }),
      );
    } catch (error) {
      if (!(error instanceof SegmentationError) || fits.length === 0) throw error;
      notes.push(`k = ${k} and above not tried: ${error.message}`);
      break;
    }
  }
  const widths = silhouetteBatch(
    gatherRows(points, dims, silhouetteRows),
    dims,
    fits.map((fit) => ({ k: fit.k, labels: Int32Array.from(silhouetteRows, (row) => fit.labels[row]!) })),
  );
  const tried = fits.map((fit, f) => ({ k: fit.k, score: meanWidth(widths[f]!), fit }));
  const chosen = tried.reduce((best, next) => (next.score > best.score ? next : best));
  const size = silhouetteRows.length.toLocaleString('en-US');
  const sample =
    silhouetteRows.length < n ? `a seeded random sample of ${size} customers` : `all ${size} customers`;
  notes.push(
    settings.k === 'auto'
      ? `k = ${chosen.k}: the highest mean silhouette (Rousseeuw 1987) for k = ${tried.map((t) => t.k).join(', ')}, ` +
          `on ${sample} (${significant(chosen.score, 2)}).`
      : `k = ${chosen.k} as requested; mean silhouette ${significant(chosen.score, 2)} on ${sample}.`,
  );
  return { tried, chosen, fitRows };
}
