//! How long each stage of one read took, for the maintainers' `bench`
//! (issue 13: measure before changing anything). Filled as the pipeline
//! runs; it never changes what is read.

use std::time::Duration;

/// Time spent in each stage of one [`super::Reader::read_timed`].
///
/// The stages on the reading thread follow one another, so their sum
/// ([`StageTimes::sequential`]) is at most the whole read. Barcodes are read
/// on a second thread beside recognition: [`StageTimes::barcodes`] is that
/// thread's own time, [`StageTimes::barcodes_wait`] the part the reading
/// thread spent waiting for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Decoding the file at full size (format sniffing and size checks included).
    pub decode: Duration,
    /// Grey conversion, shrinking to the work size and EXIF orientation.
    pub resize: Duration,
    /// Text detection on the whole picture (first pass).
    pub detect: Duration,
    /// Reading sample lines one or both ways to decide which way is up (first pass).
    pub orient: Duration,
    /// Recognising the lines of the first pass, doubtful lines re-read the
    /// other way round included.
    pub recognize: Duration,
    /// Crops recognised in the first pass: its lines (the sample lines read
    /// in [`StageTimes::orient`] included), and re-reads counted again.
    pub recognize_lines: usize,
    /// The retries (zoomed and quarter-turned passes, detection and
    /// recognition together); exactly zero when the first pass found a
    /// model line and none was tried.
    pub retries: Duration,
    /// The barcode thread, from start to finish.
    pub barcodes: Duration,
    /// How long the reading thread waited for the barcode thread at the end.
    pub barcodes_wait: Duration,
    /// Measuring the photo's quality.
    pub quality: Duration,
}

impl StageTimes {
    /// The stages run one after the other on the reading thread (barcodes
    /// counted by the wait only): at most the time of the whole read.
    #[must_use]
    pub fn sequential(&self) -> Duration {
        self.decode
            + self.resize
            + self.detect
            + self.orient
            + self.recognize
            + self.retries
            + self.barcodes_wait
            + self.quality
    }
}
