//! Text put together without `core::fmt`: the messages of errors, file names, the JSON writer's
//! numbers. The wasm then carries none of the formatting machinery (`fmt::write`, padding, the
//! integer and hexadecimal formatters); `cat!` is `format!` for the few things it needs.

/// A piece of text [`cat!`] puts into a string.
pub(crate) trait Put {
    fn put(&self, out: &mut String);
}

impl Put for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Put + ?Sized> Put for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

macro_rules! put_unsigned {
    ($($t:ty),*) => {$(
        impl Put for $t {
            fn put(&self, out: &mut String) {
                digits(out, *self as u64, 10, 1);
            }
        }
    )*};
}
put_unsigned!(u8, u16, u32, u64, usize);

/// `v` in base `radix` (10 or 16, lowercase), at least `width` digits (zeros in front).
pub(crate) fn digits(out: &mut String, mut v: u64, radix: u64, width: usize) {
    let width = width.max(1);
    let mut buf = [b'0'; 20];
    let mut start = buf.len();
    while v > 0 || start + width > buf.len() {
        start -= 1;
        buf[start] = b"0123456789abcdef"[(v % radix) as usize];
        v /= radix;
    }
    for &b in &buf[start..] {
        out.push(char::from(b));
    }
}

/// `v` in lowercase hexadecimal, at least `width` digits.
pub(crate) struct Hex(pub u64, pub usize);

impl Put for Hex {
    fn put(&self, out: &mut String) {
        digits(out, self.0, 16, self.1);
    }
}

/// `cat!(a, b, ...)`: the pieces (strings, characters, unsigned integers, [`Hex`]) as one string.
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {
        {
            let mut out = String::new();
            $($crate::say::Put::put(&$piece, &mut out);)*
            out
        }
    };
}
pub(crate) use cat;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_as_format_writes_them() {
        assert_eq!(
            cat!("a", 0u32, '-', 1234567u64, String::from("b")),
            "a0-1234567b"
        );
        assert_eq!(
            cat!(u64::MAX, ' ', usize::MAX),
            format!("{} {}", u64::MAX, usize::MAX)
        );
        assert_eq!(
            cat!(Hex(0xbeef, 8), ' ', Hex(0, 4), ' ', Hex(u64::MAX, 12)),
            "0000beef 0000 ffffffffffffffff"
        );
        assert_eq!(cat!(Hex(0x1f, 0)), "1f");
        let mut s = String::new();
        digits(&mut s, 42, 10, 4);
        assert_eq!(s, "0042");
    }
}
