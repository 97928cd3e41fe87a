// Photos: a 4000×3000 camera JPEG with EXIF GPS and orientation, and a PNG, go through the form;
// the receiver stores each as a JPEG ≤ 300 KB, ≤ 1600 px, turned upright, with no EXIF left.
import { test, expect, ReportForm } from './report-helpers';
import { jpegSize, makePhotos } from '../fixtures/photos/make-photos';

test('a full report with two photos: one request, photos small, upright and without EXIF', async ({ page, receiver }, info) => {
  test.setTimeout(90_000);
  await receiver.reset();
  const { jpeg, png } = await makePhotos(page, info.outputPath('photos'));
  const form = new ReportForm(page);
  await form.fillToCheck({ photos: [jpeg, png] });
  await expect(page.getByText('2 张照片', { exact: true })).toBeVisible();
  const ref = await form.submitAndGetReference();
  const rows = await receiver.requests();
  expect(rows).toHaveLength(1);
  expect(rows[0].service_request_id).toBe(ref);
  const media = rows[0].media;
  expect(media).toHaveLength(2);
  const sizes = [];
  for (const m of media) {
    expect(m.content_type).toBe('image/jpeg');
    const bytes = await receiver.media(m.id);
    expect(bytes.length).toBeLessThanOrEqual(300_000);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(bytes.includes(Buffer.from('Exif\0\0', 'binary'))).toBe(false);
    const size = jpegSize(bytes);
    expect(size).not.toBeNull();
    expect(Math.max(size!.width, size!.height)).toBeLessThanOrEqual(1600);
    sizes.push(size);
  }
  // The camera photo is turned upright (Orientation 6: 4000×3000 becomes portrait), the PNG kept.
  expect(sizes).toEqual([{ width: 1200, height: 1600 }, { width: 800, height: 600 }]);
});
