import type { BallotLayout } from '../../../shared/scan/layout';
import type { GreyRaster } from './raster';

/** A clean raster of one printed page with the layout it was printed from. */
export interface BallotTemplate {
  image: GreyRaster;
  dpi: number;
  layout: BallotLayout;
  /** 0-based page of the layout the image shows. */
  page: number;
}
