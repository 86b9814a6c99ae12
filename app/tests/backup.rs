//! `hih backup` and `hih restore` as an operator runs them (R-OPS-3), on SQLite and
//! PostgreSQL: a backup taken by the binary while four writers write, restored by the binary
//! into an empty target, holds exactly the backup's rows with an intact audit chain; a second
//! restore into the now filled target is refused in German; `hih serve` on the restored data
//! answers ready.

use std::path::PathBuf;
use std::time::Duration;

use hih_operations::testing::backup::{
    Target, Writers, counts_in_backup, counts_of, empty_target, is_postgres, table,
};
use sea_orm::Database;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::app;

/// Where an instance keeps its data: the data directory and, on PostgreSQL, the database.
struct Place {
    data_dir: PathBuf,
    url: Option<String>,
}

impl Place {
    /// The place of an empty restore target.
    fn of(target: &Target) -> Self {
        Place {
            data_dir: target.data_dir.clone(),
            url: target.url.clone(),
        }
    }

    /// `hih` with this place's configuration (nothing inherited from the caller).
    fn hih(&self) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_hih"));
        cmd.env("HIH_DATA_DIR", &self.data_dir)
            .env("RUST_LOG", "error")
            .env_remove("HIH_CONFIG")
            .kill_on_drop(true);
        match &self.url {
            Some(url) => cmd.env("DATABASE_URL", url),
            None => cmd.env_remove("DATABASE_URL"),
        };
        cmd
    }
}

/// The status code of `GET path` on `port`, if the server answers.
async fn status_of(port: u16, path: &str) -> Option<u16> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.ok()?;
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_binary_backs_up_under_writers_restores_and_the_restored_instance_serves() {
    let app = app().await;
    let settings = &app.services().settings;
    let source = Place {
        data_dir: PathBuf::from(&settings.data_dir),
        url: is_postgres().then(|| settings.database_url()),
    };
    let writers = Writers::start(app.services());
    writers.wait_for(40).await;

    let out = tempfile::tempdir().unwrap();
    let backup = source
        .hih()
        .arg("backup")
        .arg("--to")
        .arg(out.path())
        .output()
        .await
        .unwrap();
    writers.wait_for(writers.written() + 20).await;
    writers.stop().await;
    let stdout = String::from_utf8_lossy(&backup.stdout);
    assert!(
        backup.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(
        stdout.contains("Sicherung geschrieben und geprüft"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Audit-Kette der Sicherung intakt"),
        "{stdout}"
    );
    let files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one backup file, no leftovers: {files:?}");
    let file = &files[0];
    let in_backup = counts_in_backup(file).await;
    let audit = &table("audit_log");
    assert!(
        in_backup[audit] < counts_of(app.db()).await[audit],
        "writes went on after the backup's moment"
    );

    let target = empty_target().await;
    let place = Place::of(&target);
    let restored = place.hih().arg("restore").arg(file).output().await.unwrap();
    let stdout = String::from_utf8_lossy(&restored.stdout);
    assert!(
        restored.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert!(stdout.contains("Wiederhergestellt"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "Audit-Kette nach der Wiederherstellung geprüft: intakt, {} Einträge",
            in_backup[audit]
        )),
        "{stdout}"
    );
    let target_db = match &place.url {
        Some(url) => Database::connect(url).await.unwrap(),
        None => Database::connect(format!(
            "sqlite://{}?mode=ro",
            place.data_dir.join("hih.db").display()
        ))
        .await
        .unwrap(),
    };
    assert_eq!(
        counts_of(&target_db).await,
        in_backup,
        "every table holds the backup's rows"
    );
    target_db.close().await.unwrap();

    let again = place.hih().arg("restore").arg(file).output().await.unwrap();
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("Nicht wiederhergestellt") && stderr.contains("ist nicht leer"),
        "{stderr}"
    );

    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let mut serve = place
        .hih()
        .arg("serve")
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut ready = None;
    for _ in 0..300 {
        ready = status_of(port, "/readyz").await;
        if ready == Some(200) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let login = status_of(port, "/login").await;
    serve.start_kill().unwrap();
    let _ = serve.wait().await;
    assert_eq!(ready, Some(200), "the restored instance is ready");
    assert_eq!(
        login,
        Some(200),
        "the restored instance serves its login page"
    );
}
