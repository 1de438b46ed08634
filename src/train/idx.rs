//! MNIST from IDX files the user already has (`--data mnist:DIR`).
//!
//! IDX (LeCun's MNIST page): two zero bytes, a type byte (0x08 = unsigned
//! bytes), the number of dimensions d, then d big-endian u32 sizes, then the
//! values. Image files have magic 0x00000803 (n × 28 × 28), label files
//! 0x00000801 (n). nn-tutor never downloads anything: the folder must hold
//! the files, unpacked (`gunzip *.gz`).

use std::path::Path;

use crate::error::{Error, Result};
use crate::train::Real;
use crate::train::data::{Dataset, Target};

/// The four file names of the MNIST distribution, unpacked.
pub const TRAIN_IMAGES: &str = "train-images-idx3-ubyte";
pub const TRAIN_LABELS: &str = "train-labels-idx1-ubyte";
pub const TEST_IMAGES: &str = "t10k-images-idx3-ubyte";
pub const TEST_LABELS: &str = "t10k-labels-idx1-ubyte";

/// An IDX array of unsigned bytes: its sizes and values.
#[derive(Clone, Debug, PartialEq)]
pub struct Idx {
    pub dims: Vec<usize>,
    pub data: Vec<u8>,
}

/// Read an IDX file of unsigned bytes with `ndim` dimensions.
pub fn read(path: &Path, ndim: u8) -> Result<Idx> {
    let what = if ndim == 1 {
        "an IDX label file (magic 0x00000801: n, then n bytes)"
    } else {
        "an IDX image file (magic 0x00000803: n, rows, columns, then n·rows·columns bytes)"
    };
    let bad = |problem: String| Error::BadData {
        source_name: path.display().to_string(),
        problem,
        expected: what.to_string(),
    };
    let bytes = std::fs::read(path).map_err(|e| {
        let problem = if e.kind() == std::io::ErrorKind::NotFound {
            "the file does not exist".to_string()
        } else {
            format!("cannot read it ({e})")
        };
        let gz = path.with_extension("gz");
        let hint = if gz.exists() {
            " (unpack the .gz beside it with gunzip)"
        } else {
            ""
        };
        bad(format!("{problem}{hint}"))
    })?;
    parse(&bytes, ndim).map_err(bad)
}

/// Parse IDX bytes; the error says what is wrong with them.
pub fn parse(bytes: &[u8], ndim: u8) -> std::result::Result<Idx, String> {
    let header = 4 + 4 * ndim as usize;
    let short = || {
        format!(
            "it is truncated: {} bytes, shorter than the {header}-byte header",
            bytes.len()
        )
    };
    if bytes.len() < 4 {
        return Err(short());
    }
    let magic = [0, 0, 0x08, ndim];
    if bytes[..4] != magic {
        return Err(format!(
            "its magic number is 0x{:02x}{:02x}{:02x}{:02x}, not 0x{:02x}{:02x}{:02x}{:02x}",
            bytes[0], bytes[1], bytes[2], bytes[3], magic[0], magic[1], magic[2], magic[3]
        ));
    }
    if bytes.len() < header {
        return Err(short());
    }
    let dims: Vec<usize> = bytes[4..header]
        .chunks_exact(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let want = dims.iter().try_fold(1usize, |a, d| a.checked_mul(*d));
    let Some(want) = want else {
        return Err(format!("its sizes {dims:?} overflow"));
    };
    let have = bytes.len() - header;
    if have != want {
        return Err(format!(
            "it is {}: the header announces {} = {want} bytes of data, the file has {have}",
            if have < want {
                "truncated"
            } else {
                "longer than announced"
            },
            dims.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("×"),
        ));
    }
    Ok(Idx {
        dims,
        data: bytes[header..].to_vec(),
    })
}

/// Images and labels of one half (train or t10k), pixels divided by 255.
fn pair<T: Real>(dir: &Path, images: &str, labels: &str, name: &str) -> Result<Dataset<T>> {
    let img = read(&dir.join(images), 3)?;
    let lab = read(&dir.join(labels), 1)?;
    let n = img.dims[0];
    if lab.dims[0] != n {
        return Err(Error::BadData {
            source_name: dir.join(labels).display().to_string(),
            problem: format!("it has {} labels for {n} images in {images}", lab.dims[0]),
            expected: "one label per image".to_string(),
        });
    }
    if let Some(bad) = lab.data.iter().find(|l| **l > 9) {
        return Err(Error::BadData {
            source_name: dir.join(labels).display().to_string(),
            problem: format!("it has a label {bad}"),
            expected: "labels 0-9".to_string(),
        });
    }
    Ok(Dataset {
        name: name.to_string(),
        source: format!(
            "MNIST IDX files in {} ({n} images of {}×{} pixels; pixels divided by 255)",
            dir.display(),
            img.dims[1],
            img.dims[2]
        ),
        x: img
            .data
            .iter()
            .map(|p| T::of(f64::from(*p) / 255.0))
            .collect(),
        n_features: img.dims[1] * img.dims[2],
        y: Target::Classes {
            labels: lab.data.iter().map(|l| u32::from(*l)).collect(),
            k: 10,
        },
        test: None,
    })
}

/// `mnist:DIR`: the training files, and the t10k files as the test set when
/// they are there too.
pub fn load_mnist<T: Real>(dir: &str) -> Result<Dataset<T>> {
    // `--data mnist:` with nothing after the colon printed ": no such folder".
    if dir.trim().is_empty() {
        return Err(Error::BadFlag {
            flag: "--data".into(),
            value: "mnist:".into(),
            accepted: format!(
                "name the folder after the colon, e.g. --data mnist:./mnist (a folder holding \
                 {TRAIN_IMAGES} and {TRAIN_LABELS})"
            ),
        });
    }
    let dir = Path::new(dir);
    if !dir.is_dir() {
        return Err(Error::BadData {
            source_name: dir.display().to_string(),
            problem: "no such folder".to_string(),
            expected: format!("a folder holding {TRAIN_IMAGES} and {TRAIN_LABELS}"),
        });
    }
    let name = format!("mnist:{}", dir.display());
    let mut train = pair::<T>(dir, TRAIN_IMAGES, TRAIN_LABELS, &name)?;
    if dir.join(TEST_IMAGES).exists() || dir.join(TEST_LABELS).exists() {
        let test = pair::<T>(dir, TEST_IMAGES, TEST_LABELS, &format!("{name} (t10k)"))?;
        if test.n_features != train.n_features {
            return Err(Error::BadData {
                source_name: dir.join(TEST_IMAGES).display().to_string(),
                problem: format!("its images have {} pixels", test.n_features),
                expected: format!("{} pixels like the training images", train.n_features),
            });
        }
        train.test = Some(Box::new(test));
    }
    Ok(train)
}

/// IDX bytes for `dims` and `data` (used by tests and by users who want to
/// make small IDX files).
pub fn encode(dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut out = vec![0, 0, 0x08, dims.len() as u8];
    for d in dims {
        out.extend_from_slice(&d.to_be_bytes());
    }
    out.extend_from_slice(data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_set(dir: &Path, n: u32, images: &str, labels: &str) {
        let pixels: Vec<u8> = (0..n * 4).map(|i| (i * 51 % 256) as u8).collect();
        std::fs::write(dir.join(images), encode(&[n, 2, 2], &pixels)).unwrap();
        let labs: Vec<u8> = (0..n).map(|i| (i % 10) as u8).collect();
        std::fs::write(dir.join(labels), encode(&[n], &labs)).unwrap();
    }

    #[test]
    fn reads_small_files_written_here() {
        let dir = tempfile::tempdir().unwrap();
        write_set(dir.path(), 3, TRAIN_IMAGES, TRAIN_LABELS);
        write_set(dir.path(), 2, TEST_IMAGES, TEST_LABELS);
        let d = load_mnist::<f64>(dir.path().to_str().unwrap()).unwrap();
        assert_eq!((d.len(), d.n_features), (3, 4));
        // Pixel i is (51·i mod 256)/255: 0, 51/255 = 0.2, 102/255 = 0.4, …
        assert_eq!(&d.x[..3], &[0.0, 0.2, 0.4]);
        assert_eq!(
            d.y,
            Target::Classes {
                labels: vec![0, 1, 2],
                k: 10
            }
        );
        assert_eq!(d.test.unwrap().len(), 2);
    }

    #[test]
    fn missing_and_truncated_files_name_the_file_and_what_was_expected() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let e = load_mnist::<f32>(d).unwrap_err().to_string();
        assert!(
            e.contains(TRAIN_IMAGES) && e.contains("does not exist"),
            "{e}"
        );
        assert!(e.contains("magic 0x00000803"), "{e}");
        write_set(dir.path(), 3, TRAIN_IMAGES, TRAIN_LABELS);
        // Cut the last pixel: 3·2·2 = 12 bytes announced, 11 present.
        let p = dir.path().join(TRAIN_IMAGES);
        let mut bytes = std::fs::read(&p).unwrap();
        bytes.pop();
        std::fs::write(&p, &bytes).unwrap();
        let e = load_mnist::<f32>(d).unwrap_err().to_string();
        assert!(e.contains(TRAIN_IMAGES) && e.contains("truncated"), "{e}");
        assert!(
            e.contains("3×2×2 = 12 bytes") && e.contains("has 11"),
            "{e}"
        );
        // A header cut short, and a label file passed where images belong.
        assert!(parse(&[0, 0, 8], 3).unwrap_err().contains("16-byte header"));
        assert!(
            parse(&encode(&[2], &[1, 2]), 3)
                .unwrap_err()
                .contains("0x00000801")
        );
        write_set(dir.path(), 3, TRAIN_IMAGES, TRAIN_LABELS);
        std::fs::write(dir.path().join(TRAIN_LABELS), encode(&[2], &[1, 2])).unwrap();
        let e = load_mnist::<f32>(d).unwrap_err().to_string();
        assert!(e.contains("2 labels for 3 images"), "{e}");
    }
}
