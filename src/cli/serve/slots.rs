//! The server's connections, and who makes room when they are all taken. A thread a connection
//! is cheap, but not free: at most [`MAX_CONNECTIONS`] are answered at once. Clients that send
//! their request head a byte at a time, or ask for a large file and never read it, must not keep
//! every other visitor out, so a connection that is full makes room: first the connection that
//! has been sending its head the longest, then the one whose answer has stalled the longest (no
//! byte taken for [`STALLED`]). Only when every connection is busy and moving is a visitor told
//! to come back (503). Each connection also has its own deadlines (`mod.rs`), so nothing is held
//! for long even without others asking for room.

use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Most connections answered at once.
pub const MAX_CONNECTIONS: usize = 64;
/// An answer that took no byte for this long may be cut to make room for a new visitor.
const STALLED: Duration = Duration::from_secs(1);

/// One connection as the others see it.
pub struct Conn {
    id: u64,
    /// A second handle of the socket, to cut it from another thread.
    stream: TcpStream,
    /// Its whole request head has come.
    head_done: AtomicBool,
    /// Milliseconds since the server started at which it last moved (a head line read, a piece
    /// of the answer written).
    moved: AtomicU64,
}

impl Conn {
    /// Notes that the connection moved.
    pub fn moved(&self, slots: &Slots) {
        self.moved.store(slots.now(), Ordering::Relaxed);
    }

    pub fn head_done(&self) {
        self.head_done.store(true, Ordering::Relaxed);
    }
}

pub struct Slots {
    started: Instant,
    next: AtomicU64,
    conns: Mutex<Vec<Arc<Conn>>>,
}

impl Default for Slots {
    fn default() -> Self {
        Slots {
            started: Instant::now(),
            next: AtomicU64::new(0),
            conns: Mutex::new(Vec::new()),
        }
    }
}

impl Slots {
    fn now(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// A slot for `stream`, making room if need be; None when every connection is busy and
    /// moving (`stream` is then to be told to come back).
    pub fn take(&self, stream: &TcpStream) -> Option<Arc<Conn>> {
        let handle = stream.try_clone().ok()?;
        // A poisoned lock only means a thread panicked holding it; the list is still whole.
        let mut conns = self.conns.lock().unwrap_or_else(|p| p.into_inner());
        if conns.len() >= MAX_CONNECTIONS {
            let victim = self.victim(&conns)?;
            let cut = conns.swap_remove(victim);
            // Its thread's next read or write fails, and it ends.
            let _ = cut.stream.shutdown(std::net::Shutdown::Both);
        }
        let conn = Arc::new(Conn {
            id: self.next.fetch_add(1, Ordering::Relaxed),
            stream: handle,
            head_done: AtomicBool::new(false),
            moved: AtomicU64::new(self.now()),
        });
        conns.push(conn.clone());
        Some(conn)
    }

    /// The connection to cut for a new one: the oldest still sending its head, else the answer
    /// stalled the longest.
    fn victim(&self, conns: &[Arc<Conn>]) -> Option<usize> {
        let moved = |c: &Arc<Conn>| c.moved.load(Ordering::Relaxed);
        let heads = conns
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.head_done.load(Ordering::Relaxed))
            .min_by_key(|(_, c)| moved(c));
        let stalled = || {
            let now = self.now();
            conns
                .iter()
                .enumerate()
                .filter(|(_, c)| now.saturating_sub(moved(c)) >= STALLED.as_millis() as u64)
                .min_by_key(|(_, c)| moved(c))
        };
        heads.or_else(stalled).map(|(i, _)| i)
    }

    /// Gives the slot back (it may have been cut already).
    pub fn give_back(&self, conn: &Conn) {
        let mut conns = self.conns.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = conns.iter().position(|c| c.id == conn.id) {
            conns.swap_remove(i);
        }
    }
}
