import sharp from 'sharp';
import type { GrayImage } from '../../../shared/scan/image';

/** The page through a JPEG encoder and back, as a phone or a cheap scanner would deliver it. */
export async function jpeg(image: GrayImage, quality: number): Promise<GrayImage> {
  const raw = { width: image.width, height: image.height, channels: 1 as const };
  const encoded = await sharp(Buffer.from(image.data), { raw }).jpeg({ quality }).toBuffer();
  const { data, info } = await sharp(encoded)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
  };
}
