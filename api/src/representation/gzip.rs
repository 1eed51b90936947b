//! gzip (RFC 1952) for whole in-memory bodies, with one deflate and one
//! inflate state per worker thread reused for every body.
//!
//! A deflate state is a few hundred kilobytes (window, hash chains, pending
//! output) and an inflate state tens: allocating one per response costs
//! more than compressing a news item, and the big short-lived blocks
//! interleaved with long-lived cache entries fragment the heap. Reset, a
//! state is as good as new.

use std::cell::RefCell;
use std::io;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The member header this server writes: no name, no time, OS unknown.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// CRC-32 and length of the input, little-endian.
const TRAILER: usize = 8;
/// The most [`decode`] inflates, whatever a damaged trailer says.
const MAX_BODY: usize = 64 << 20;

thread_local! {
    /// Deflate states by level, made when a level is first used here.
    static DEFLATE: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    static INFLATE: RefCell<Option<Decompress>> = const { RefCell::new(None) };
}

fn broken(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// `body` gzipped at `level` (0–9).
pub fn encode(body: &[u8], level: u32) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(HEADER.len() + body.len() / 2 + 64);
    out.extend_from_slice(&HEADER);
    DEFLATE.with_borrow_mut(|states| {
        let at = match states.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                states.push((level, Compress::new(Compression::new(level), false)));
                states.len() - 1
            }
        };
        let deflate = &mut states[at].1;
        deflate.reset();
        let result = loop {
            let read = usize::try_from(deflate.total_in()).unwrap_or(usize::MAX);
            let input = body.get(read..).unwrap_or_default();
            match deflate.compress_vec(input, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break Ok(()),
                Ok(_) => out.reserve(out.capacity().max(256)),
                Err(err) => break Err(io::Error::other(err)),
            }
        };
        deflate.reset();
        result
    })?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(body);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // ISIZE is the length modulo 2^32 (RFC 1952 §2.3.1).
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    Ok(out)
}

/// The body of a gzip member made by [`encode`], checked against its
/// length and CRC.
pub fn decode(member: &[u8]) -> io::Result<Vec<u8>> {
    let data = member
        .strip_prefix(&HEADER[..])
        .and_then(|rest| {
            rest.len()
                .checked_sub(TRAILER)
                .map(|end| rest.split_at(end))
        })
        .ok_or_else(|| broken("not a gzip member made here"))?;
    let (deflated, trailer) = data;
    let word = |at: usize| {
        trailer
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_le_bytes)
            .unwrap_or_default()
    };
    let (crc, size) = (word(0), word(4) as usize);
    let mut out = Vec::with_capacity(size.min(MAX_BODY));
    INFLATE.with_borrow_mut(|state| {
        let inflate = state.get_or_insert_with(|| Decompress::new(false));
        inflate.reset(false);
        let result = loop {
            let read = usize::try_from(inflate.total_in()).unwrap_or(usize::MAX);
            let input = deflated.get(read..).unwrap_or_default();
            match inflate.decompress_vec(input, &mut out, FlushDecompress::Finish) {
                Ok(Status::StreamEnd) => break Ok(()),
                // Stopped with room to spare: the input ran out.
                Ok(_) if out.len() < out.capacity() => break Err(broken("truncated gzip member")),
                // Longer than its trailer says (caught below), within reason.
                Ok(_) if out.len() < MAX_BODY => out.reserve(out.capacity().max(256)),
                Ok(_) => break Err(broken("gzip member too long")),
                Err(err) => break Err(io::Error::new(io::ErrorKind::InvalidData, err)),
            }
        };
        inflate.reset(false);
        result
    })?;
    if out.len() != size || crc32fast::hash(&out) != crc {
        return Err(broken("gzip member does not match its trailer"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard_decode(member: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(member), &mut out)
            .map(|_| out)
            .unwrap_or_default()
    }

    #[test]
    fn members_round_trip_and_read_as_standard_gzip() {
        let prose = "Worker cooperatives across Europe grew again. ".repeat(200);
        for body in [&b""[..], b"{}", prose.as_bytes()] {
            for level in [1, 6, 1] {
                let member = encode(body, level).unwrap_or_default();
                assert_eq!(standard_decode(&member), body, "level {level}");
                assert_eq!(decode(&member).ok().as_deref(), Some(body));
            }
        }
    }

    #[test]
    fn damaged_members_are_refused() {
        let member = encode(b"{\"title\":\"CECOP\"}", 6).unwrap_or_default();
        assert!(
            decode(&member[..member.len() - 1]).is_err(),
            "short trailer"
        );
        assert!(decode(&member[3..]).is_err(), "no header");
        let mut flipped = member.clone();
        let last = flipped.len() - 9;
        flipped[last] ^= 0x55;
        assert!(decode(&flipped).is_err(), "damaged data");
        let mut wrong_size = member;
        let at = wrong_size.len() - 1;
        wrong_size[at] ^= 1;
        assert!(decode(&wrong_size).is_err(), "wrong length");
    }
}
