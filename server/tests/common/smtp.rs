//! A real SMTP server process (aiosmtpd, installed by ./test) that stores what it receives in a
//! maildir, for tests of e-mail delivery.
use std::process::{Child, Command};
use std::time::Duration;

pub struct SmtpSink {
    child: Child,
    maildir: std::path::PathBuf,
}

impl SmtpSink {
    pub fn start(port: u16, maildir: &std::path::Path) -> SmtpSink {
        let program = std::env::var("ROAMDESK_AIOSMTPD")
            .expect("ROAMDESK_AIOSMTPD must point at aiosmtpd; ./test installs it into target/venv");
        #[allow(clippy::zombie_processes)] // Drop kills and waits for it.
        let mut child = Command::new(program)
            .args([
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir)
            .spawn()
            .expect("aiosmtpd starts");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return SmtpSink {
                    child,
                    maildir: maildir.to_path_buf(),
                };
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not listen on {port}");
    }

    pub fn delivered(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.maildir.join("new")) else {
            return vec![];
        };
        entries
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
