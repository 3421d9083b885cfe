//! What a receive call gives back: an item or one of the non-error statuses.
use reel_sys as sys;

/// The outcome of a successful receive (`reel_encoder_receive`, `reel_decoder_receive`):
/// an item, or one of reel.h's non-error statuses.
#[derive(Debug)]
pub enum Received<T> {
    /// `REEL_SUCCESS`: the next packet or frame.
    Item(T),
    /// `REEL_NOT_READY`: nothing yet; submit more.
    NotReady,
    /// `REEL_TIMEOUT`: nothing came within the timeout.
    Timeout,
    /// `REEL_END_OF_STREAM`: flushed and drained; nothing more will come.
    EndOfStream,
}

impl<T> Received<T> {
    /// The item, if there is one.
    pub fn item(self) -> Option<T> {
        match self {
            Received::Item(item) => Some(item),
            _ => None,
        }
    }

    /// A status result (0 or positive) as an outcome; `make` builds the item for `REEL_SUCCESS`.
    pub(crate) fn from_status(status: sys::reel_result_t, make: impl FnOnce() -> T) -> Received<T> {
        match status {
            sys::reel_result_t_REEL_SUCCESS => Received::Item(make()),
            sys::reel_result_t_REEL_TIMEOUT => Received::Timeout,
            sys::reel_result_t_REEL_END_OF_STREAM => Received::EndOfStream,
            _ => Received::NotReady,
        }
    }
}
