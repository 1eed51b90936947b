//! An uploaded image decoded within limits, turned upright, and re-encoded
//! in the library's widths. Re-encoding writes only pixels: EXIF (a
//! phone's GPS position, its serial number), comments and colour profiles
//! of the upload never reach a reader.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::{WIDTHS, unreadable};
use crate::error::ApiError;

/// JPEG quality of the sizes: indistinguishable from the upload on screen,
/// a quarter to a tenth of a phone photo's bytes.
const JPEG_QUALITY: u8 = 82;

/// How the sizes of an image are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeFormat {
    /// Opaque images.
    Jpeg,
    /// Images with transparency (logos).
    Png,
}

impl SizeFormat {
    pub fn ext(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
        }
    }

    pub fn from_ext(ext: &str) -> Option<Self> {
        match ext {
            "jpg" => Some(Self::Jpeg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }
}

/// One size of an image, encoded.
#[derive(Debug)]
pub struct Size {
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// An image's dimensions (upright), its average colour, and its sizes,
/// narrowest first.
#[derive(Debug)]
pub struct Sized {
    pub width: u32,
    pub height: u32,
    pub colour: String,
    pub format: SizeFormat,
    pub sizes: Vec<Size>,
}

/// The widths made for an image `width` pixels wide: each of [`WIDTHS`]
/// narrower than it, and its own width up to the largest.
pub fn widths_for(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < top).collect();
    widths.push(top);
    widths
}

/// Decodes the image at `path` (refusing more than `max_pixels`, and any
/// file that does not decode whole) and makes its sizes.
pub fn sizes(path: &Path, max_pixels: u64) -> Result<Sized, ApiError> {
    // A JPEG decoder fills a cut-off file with grey rather than failing:
    // a whole JPEG ends with its end-of-image marker.
    if reader_format(path)? == Some(ImageFormat::Jpeg) && !ends_whole(path)? {
        return Err(unreadable("the JPEG is cut off (no end-of-image marker)"));
    }
    let mut reader = ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(30_000);
    limits.max_image_height = Some(30_000);
    // The pixels at four bytes each, and room for the decoder's own buffers.
    limits.max_alloc = Some(max_pixels * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| unreadable(format!("the image does not decode: {e}")))?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > max_pixels {
        return Err(unreadable(format!(
            "the image has {w} × {h} pixels; at most {} million are taken",
            max_pixels / 1_000_000
        )));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| unreadable(format!("the image does not decode: {e}")))?;
    image.apply_orientation(orientation);
    let format = if image.color().has_alpha() {
        SizeFormat::Png
    } else {
        SizeFormat::Jpeg
    };
    let (width, height) = (image.width(), image.height());
    // Widest first, each from the one before: resizing a 2048-wide image to
    // 1280 costs a fraction of resizing the upload again.
    let mut sizes = Vec::new();
    let mut source = image;
    for target in widths_for(width).into_iter().rev() {
        let resized = if target == source.width() {
            source.clone()
        } else {
            let target_height = ((u64::from(source.height()) * u64::from(target))
                / u64::from(source.width()))
            .max(1) as u32;
            source.resize_exact(target, target_height, FilterType::Triangle)
        };
        sizes.push(Size {
            width: resized.width(),
            height: resized.height(),
            bytes: encode(&resized, format)?,
        });
        source = resized;
    }
    sizes.reverse();
    let pixel = source.resize_exact(1, 1, FilterType::Triangle).to_rgb8();
    let [r, g, b] = pixel.get_pixel(0, 0).0;
    Ok(Sized {
        width,
        height,
        colour: format!("#{r:02x}{g:02x}{b:02x}"),
        format,
        sizes,
    })
}

fn reader_format(path: &Path) -> Result<Option<ImageFormat>, ApiError> {
    Ok(ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|e| ApiError::Internal(e.into()))?
        .format())
}

/// Whether the JPEG at `path` ends with `FF D9` (padding zeros allowed).
fn ends_whole(path: &Path) -> Result<bool, ApiError> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).map_err(|e| ApiError::Internal(e.into()))?;
    let len = file
        .metadata()
        .map_err(|e| ApiError::Internal(e.into()))?
        .len();
    let tail_len = len.min(64);
    file.seek(SeekFrom::Start(len - tail_len))
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)
        .map_err(|e| ApiError::Internal(e.into()))?;
    while tail.last() == Some(&0) {
        tail.pop();
    }
    Ok(tail.ends_with(&[0xFF, 0xD9]))
}

fn encode(image: &DynamicImage, format: SizeFormat) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    let result = match format {
        SizeFormat::Jpeg => {
            JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY).encode_image(&image.to_rgb8())
        }
        SizeFormat::Png => DynamicImage::ImageRgba8(image.to_rgba8())
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png),
    };
    result.map_err(|e| ApiError::Internal(e.into()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_stop_at_the_image_and_at_the_largest() {
        assert_eq!(widths_for(100), [100]);
        assert_eq!(widths_for(700), [320, 640, 700]);
        assert_eq!(widths_for(2048), [320, 640, 1280, 2048]);
        assert_eq!(widths_for(6000), [320, 640, 1280, 2048]);
    }
}
