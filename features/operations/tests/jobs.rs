//! Tests of the operations feature's `jobs` part: the job dashboard on real runs of the job
//! system (a test feature brings a job that succeeds and one that fails), its filters, the
//! next run of a schedule by the test clock, retry and cancel with their confirmation and
//! audit entries, runs held by a dead worker, and who may use it.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeZone;
use hih_db::entities::audit_log;
use hih_i18n::Locale;
use hih_jobs::RunState;
use hih_kernel::{Feature, JobContext, JobError, JobHandler, Registry, Role};
use hih_testkit::{Agent, Page, TestApp, Workers};
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};

const BASE: &str = "/system/jobs";
const OK_JOB: &str = "test.ok";
const FAIL_JOB: &str = "test.fail";
const FAILURE: &str = "Gegenstelle nicht erreichbar";

struct Succeeds;

#[async_trait::async_trait]
impl JobHandler for Succeeds {
    async fn run(&self, _: &JobContext, _: serde_json::Value) -> Result<(), JobError> {
        Ok(())
    }
}

struct Fails;

#[async_trait::async_trait]
impl JobHandler for Fails {
    async fn run(&self, _: &JobContext, _: serde_json::Value) -> Result<(), JobError> {
        Err(JobError::Transient(FAILURE.into()))
    }
}

/// Brings two jobs: one scheduled daily at 04:30 UTC that succeeds, one on demand that fails.
struct JobTestFeature;

impl Feature for JobTestFeature {
    fn name(&self) -> &'static str {
        "jobtest"
    }

    fn register(&self, r: &mut Registry) {
        r.texts(
            Locale::De,
            "job-test-ok = Testjob, der gelingt\njob-test-fail = Testjob, der scheitert\n",
        );
        r.texts(
            Locale::En,
            "job-test-ok = Test job that succeeds\njob-test-fail = Test job that fails\n",
        );
        r.job(OK_JOB, "job-test-ok", Arc::new(Succeeds));
        r.job(FAIL_JOB, "job-test-fail", Arc::new(Fails));
        r.cron(OK_JOB, "0 30 4 * * *");
    }
}

async fn app() -> TestApp {
    let mut features = crate::features();
    features.push(&JobTestFeature);
    TestApp::new(&features).await
}

/// Enqueues `job`; waits two milliseconds first, so the runs' ids (ULIDs, ordered by their
/// millisecond) order them as enqueued.
async fn enqueue(app: &TestApp, job: &str) {
    tokio::time::sleep(Duration::from_millis(2)).await;
    app.services()
        .jobs
        .enqueue(job, serde_json::json!({}))
        .await
        .unwrap();
}

/// All runs, newest first.
async fn runs(app: &TestApp) -> Vec<hih_jobs::JobRun> {
    hih_jobs::list_runs(app.db(), &hih_jobs::RunFilter::default(), 0, None)
        .await
        .unwrap()
}

/// Runs the queue on real workers until no run is open any more.
async fn run_all(app: &TestApp) {
    let workers = Workers::start(app);
    let mut finished = false;
    for _ in 0..200 {
        if runs(app).await.iter().all(|r| r.state.is_finished()) {
            finished = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    workers.stop().await;
    assert!(finished, "all runs ended: {:?}", runs(app).await);
}

/// Runs one job that succeeds and one that fails (all its attempts) on real workers; returns
/// the ids of the done and the failed run.
async fn done_and_failed(app: &TestApp) -> (String, String) {
    enqueue(app, OK_JOB).await;
    enqueue(app, FAIL_JOB).await;
    run_all(app).await;
    let all = runs(app).await;
    assert_eq!(all.len(), 2, "{all:?}");
    let id_of = |job: &str| {
        all.iter()
            .find(|r| r.job.as_deref() == Some(job))
            .map(|r| r.id.clone())
            .unwrap()
    };
    (id_of(OK_JOB), id_of(FAIL_JOB))
}

/// The ids of the runs a dashboard page lists, in order.
fn listed(page: &Page) -> Vec<String> {
    page.body
        .split("data-run=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The markup of the overview row of `job`.
fn type_row(page: &Page, job: &str) -> String {
    let marker = format!("id=\"type-{}\"", job.replace('.', "-"));
    let start = page.body.find(&marker).expect("overview row");
    let end = page.body[start..].find("</tr>").unwrap() + start;
    page.body[start..end].to_string()
}

/// The markup of the list row of run `id`.
fn run_row(page: &Page, id: &str) -> String {
    let marker = format!("data-run=\"{id}\"");
    let start = page.body.find(&marker).expect("run row");
    let end = page.body[start..].find("</tr>").unwrap() + start;
    page.body[start..end].to_string()
}

async fn admin(app: &TestApp) -> Agent {
    agent_for(app, Role::Admin, "jobs-admin").await.0
}

/// The audit entries of runs with this action.
async fn audited(app: &TestApp, id: &str, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("job_run"))
        .filter(audit_log::Column::EntityId.eq(id))
        .filter(audit_log::Column::Action.eq(action))
        .all(app.db())
        .await
        .unwrap()
}

/// A run as it stands now.
async fn run_of(app: &TestApp, id: &str) -> hih_jobs::JobRun {
    hih_jobs::find_run(app.db(), id)
        .await
        .unwrap()
        .expect("the run exists")
}

#[tokio::test]
async fn the_dashboard_lists_job_types_and_runs_and_filters_them() {
    let app = app().await;
    let agent = admin(&app).await;
    let (done, failed) = done_and_failed(&app).await;
    enqueue(&app, OK_JOB).await;
    let waiting = runs(&app)
        .await
        .into_iter()
        .find(|r| r.state == RunState::Pending)
        .unwrap()
        .id;

    let page = agent.get(BASE).await;
    assert_eq!(page.status, 200);
    // Every registered job type, the scheduled one with its schedule in words and cron.
    let ok = type_row(&page, OK_JOB);
    assert!(ok.contains("Testjob, der gelingt"), "{ok}");
    assert!(ok.contains("täglich um 04:30 Uhr UTC"), "{ok}");
    assert!(ok.contains("0 30 4 * * *"), "{ok}");
    assert!(
        ok.contains("erledigt: 1") && ok.contains("wartet: 1"),
        "{ok}"
    );
    let fail = type_row(&page, FAIL_JOB);
    assert!(fail.contains("bei Bedarf"), "{fail}");
    assert!(fail.contains("fehlgeschlagen: 1"), "{fail}");
    assert!(
        fail.contains("jobs?job=test.fail&amp;status=failed"),
        "the count links to the filtered list: {fail}"
    );
    // Platform jobs are listed too (mail delivery, database optimisation).
    assert!(page.contains("id=\"type-mail-deliver\""));
    assert!(page.contains("id=\"type-db-optimize\""));
    // The runs, newest first.
    assert_eq!(
        listed(&page),
        vec![waiting.clone(), failed.clone(), done.clone()]
    );
    let row = run_row(&page, &failed);
    assert!(row.contains("Testjob, der scheitert"), "{row}");
    assert!(row.contains(">fehlgeschlagen<"), "{row}");
    assert!(row.contains("3 von 3"), "{row}");
    assert!(row.contains(FAILURE), "{row}");
    let row = run_row(&page, &done);
    assert!(row.contains(">erledigt<") && row.contains(" s<"), "{row}");

    // Filters: by job, by state, both.
    let page = agent.get(&format!("{BASE}?job={FAIL_JOB}")).await;
    assert_eq!(listed(&page), vec![failed.clone()]);
    let page = agent.get(&format!("{BASE}?status=pending")).await;
    assert_eq!(listed(&page), vec![waiting.clone()]);
    let page = agent.get(&format!("{BASE}?job={OK_JOB}&status=done")).await;
    assert_eq!(listed(&page), vec![done.clone()]);
    let page = agent
        .get(&format!("{BASE}?job={FAIL_JOB}&status=done"))
        .await;
    assert!(listed(&page).is_empty());
    assert!(page.contains("Keine Läufe."));
    // An unknown state filters nothing out.
    let page = agent.get(&format!("{BASE}?status=kaputt")).await;
    assert_eq!(listed(&page).len(), 3);

    // Paging: 20 a page, the pager links the next page.
    for _ in 0..20 {
        enqueue(&app, OK_JOB).await;
    }
    let page = agent.get(&format!("{BASE}?per=20")).await;
    assert_eq!(listed(&page).len(), 20);
    assert!(page.contains("(Seite 1 von 2)"), "pager shown");
    let page = agent.get(&format!("{BASE}?per=20&page=2")).await;
    assert_eq!(listed(&page), vec![waiting, failed, done]);
}

#[tokio::test]
async fn the_next_run_of_a_schedule_follows_the_clock_in_berlin_time() {
    let app = app().await;
    let at = |y, mo, d, h, mi| {
        chrono::Utc
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .unwrap()
    };
    // The dashboard at `now` (a fresh login: jumps of the clock end sessions).
    let next_run_at = |now: chrono::DateTime<chrono::Utc>, n: usize| {
        let app = &app;
        async move {
            app.clock.set(now);
            let (agent, _) = agent_for(app, Role::Admin, &format!("jobs-clock-{n}")).await;
            let page = agent.get(BASE).await;
            assert_eq!(page.status, 200);
            (type_row(&page, OK_JOB), type_row(&page, FAIL_JOB))
        }
    };
    // Winter time: 04:30 UTC is 05:30 in Berlin.
    let (ok, fail) = next_run_at(at(2026, 11, 2, 9, 0), 1).await;
    assert!(ok.contains("03.11.2026 05:30"), "{ok}");
    // A job without schedule has no next run.
    assert!(
        fail.contains("bei Bedarf") && !fail.contains(".2026"),
        "{fail}"
    );
    // Before today's tick, today's is next.
    let (ok, _) = next_run_at(at(2026, 11, 3, 4, 29), 2).await;
    assert!(ok.contains("03.11.2026 05:30"), "{ok}");
    // Just after it, tomorrow's.
    let (ok, _) = next_run_at(at(2026, 11, 3, 4, 31), 3).await;
    assert!(ok.contains("04.11.2026 05:30"), "{ok}");
    // Summer time: 06:30 in Berlin.
    let (ok, _) = next_run_at(at(2027, 6, 30, 12, 0), 4).await;
    assert!(ok.contains("01.07.2027 06:30"), "{ok}");
}

#[tokio::test]
async fn retry_puts_a_failed_run_back_into_the_queue_and_is_audited() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::Admin, "jobs-retry").await;
    let (done, failed) = done_and_failed(&app).await;
    let run_path = format!("{BASE}/{failed}");

    let page = agent.get(&run_path).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.element_text("run-state").unwrap(), "fehlgeschlagen");
    assert_eq!(page.element_text("run-attempts").unwrap(), "3 von 3");
    assert!(page.element_text("run-error").unwrap().contains(FAILURE));
    assert!(page.contains(&format!("action=\"{run_path}/wiederholen\"")));
    assert!(
        !page.contains(&format!("action=\"{run_path}/abbrechen\"")),
        "a failed run cannot be cancelled"
    );

    // The confirmation page changes nothing.
    let confirm = agent.post(&format!("{run_path}/wiederholen"), &[]).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Ja, erneut ausführen"));
    assert!(confirm.contains("mit 3 neuen Versuchen"));
    assert_eq!(run_of(&app, &failed).await.state, RunState::Failed);
    assert!(audited(&app, &failed, "retry").await.is_empty());

    // Confirmed: pending with a fresh budget, audited, back on the run's page.
    let answer = agent
        .post(&format!("{run_path}/wiederholen/bestaetigen"), &[])
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), Some(run_path.as_str()));
    let page = agent.follow(answer).await;
    assert!(page.contains("wieder eingereiht"), "flash message");
    assert_eq!(page.element_text("run-state").unwrap(), "wartet");
    let run = run_of(&app, &failed).await;
    assert_eq!(run.state, RunState::Pending);
    assert_eq!((run.attempts, run.max_attempts), (3, 6));
    let entries = audited(&app, &failed, "retry").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, format!("user:{}", user.id));
    let changes: serde_json::Value = serde_json::from_str(&entries[0].changes).unwrap();
    assert_eq!(changes["job"], FAIL_JOB);
    assert_eq!(changes["state"], serde_json::json!(["failed", "pending"]));
    assert_eq!(changes["attempts"], 3);
    assert!(
        changes["error"].as_str().unwrap().contains(FAILURE),
        "{changes}"
    );

    // Waiting now: a second retry is refused with a message, not an error.
    let again = agent
        .post(&format!("{run_path}/wiederholen/bestaetigen"), &[])
        .await;
    assert_eq!(again.status, 409);
    assert!(
        again
            .element_text("refused-message")
            .unwrap()
            .contains("sein Status ist jetzt „wartet“"),
        "{}",
        again.body
    );
    let confirm = agent.post(&format!("{run_path}/wiederholen"), &[]).await;
    assert_eq!(confirm.status, 409);
    assert_eq!(audited(&app, &failed, "retry").await.len(), 1);

    // A done run may be run again as well; the workers then run it.
    agent.get(&format!("{BASE}/{done}")).await;
    let answer = agent
        .post(&format!("{BASE}/{done}/wiederholen/bestaetigen"), &[])
        .await;
    assert_eq!(answer.status, 303);
    let workers = Workers::start(&app);
    let mut ran = false;
    for _ in 0..100 {
        let run = run_of(&app, &done).await;
        if run.state == RunState::Done && run.attempts == 2 {
            ran = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    workers.stop().await;
    assert!(ran, "the retried run ran again");
}

#[tokio::test]
async fn cancel_stops_a_waiting_run_and_is_audited() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::SuperAdmin, "jobs-cancel").await;
    enqueue(&app, OK_JOB).await;
    let id = runs(&app).await[0].id.clone();
    let run_path = format!("{BASE}/{id}");

    let page = agent.get(&run_path).await;
    assert_eq!(page.element_text("run-state").unwrap(), "wartet");
    assert!(page.contains(&format!("action=\"{run_path}/abbrechen\"")));
    assert!(
        !page.contains(&format!("action=\"{run_path}/wiederholen\"")),
        "a waiting run is not retried"
    );
    let confirm = agent.post(&format!("{run_path}/abbrechen"), &[]).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Ja, abbrechen"));
    assert_eq!(run_of(&app, &id).await.state, RunState::Pending);

    let answer = agent
        .post(&format!("{run_path}/abbrechen/bestaetigen"), &[])
        .await;
    assert_eq!(answer.status, 303);
    let page = agent.follow(answer).await;
    assert!(page.contains("Der Lauf wurde abgebrochen."));
    assert_eq!(page.element_text("run-state").unwrap(), "abgebrochen");
    let run = run_of(&app, &id).await;
    assert_eq!(
        (run.status.as_str(), run.state),
        ("Killed", RunState::Killed)
    );
    let entries = audited(&app, &id, "cancel").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, format!("user:{}", user.id));
    let changes: serde_json::Value = serde_json::from_str(&entries[0].changes).unwrap();
    assert_eq!(changes["job"], OK_JOB);
    assert_eq!(changes["state"], serde_json::json!(["pending", "killed"]));

    // The workers do not run a cancelled run.
    let workers = Workers::start(&app);
    tokio::time::sleep(Duration::from_millis(800)).await;
    workers.stop().await;
    let run = run_of(&app, &id).await;
    assert_eq!((run.state, run.attempts), (RunState::Killed, 0));

    // Cancelled already: refused with a message.
    let again = agent
        .post(&format!("{run_path}/abbrechen/bestaetigen"), &[])
        .await;
    assert_eq!(again.status, 409);
    assert!(
        again
            .element_text("refused-message")
            .unwrap()
            .contains("kann nicht mehr abgebrochen werden")
    );
    assert_eq!(audited(&app, &id, "cancel").await.len(), 1);
}

/// Lets the worker `worker` (with its last heartbeat `age_secs` ago) hold run `id` as
/// running, as if it had crashed mid-run.
async fn hold(app: &TestApp, id: &str, worker: &str, age_secs: i64) {
    let db = app.db();
    let backend = db.get_database_backend();
    let (insert, update) = match backend {
        DbBackend::Postgres => (
            format!(
                "INSERT INTO apalis.workers (id, worker_type, storage_name, layers, last_seen) \
                 VALUES ($1, 'hih-jobs', 'test', '', now() - interval '{age_secs} seconds')"
            ),
            "UPDATE apalis.jobs SET status = 'Running', lock_by = $1, lock_at = now(), \
             attempts = 1 WHERE id = $2"
                .to_string(),
        ),
        _ => (
            format!(
                "INSERT INTO Workers (id, worker_type, storage_name, layers, last_seen) \
                 VALUES (?, 'hih-jobs', 'test', '', strftime('%s', 'now') - {age_secs})"
            ),
            "UPDATE Jobs SET status = 'Running', lock_by = ?, lock_at = strftime('%s', 'now'), \
             attempts = 1 WHERE id = ?"
                .to_string(),
        ),
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        insert,
        [worker.into()],
    ))
    .await
    .unwrap();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        update,
        [worker.into(), id.into()],
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn a_run_held_by_a_dead_worker_is_shown_as_such_and_can_be_retried() {
    let app = app().await;
    let agent = admin(&app).await;
    enqueue(&app, OK_JOB).await;
    enqueue(&app, OK_JOB).await;
    let all = runs(&app).await;
    let (alive, dead) = (all[0].id.clone(), all[1].id.clone());
    hold(&app, &alive, "worker-alive", 10).await;
    hold(&app, &dead, "worker-dead", 600).await;

    let page = agent.get(BASE).await;
    assert!(run_row(&page, &alive).contains(">läuft<"));
    assert!(
        run_row(&page, &dead).contains("von einem ausgefallenen Worker gehalten"),
        "{}",
        run_row(&page, &dead)
    );
    let page = agent.get(&format!("{BASE}?status=stalled")).await;
    assert_eq!(listed(&page), vec![dead.clone()]);
    let page = agent.get(&format!("{BASE}/{dead}")).await;
    assert!(page.contains("id=\"run-stalled\""));
    assert!(
        page.element_text("run-worker")
            .unwrap()
            .contains("worker-dead")
    );
    // A live worker's run can be neither retried nor cancelled.
    let page = agent.get(&format!("{BASE}/{alive}")).await;
    assert!(!page.contains("id=\"run-stalled\""));
    assert!(!page.contains("/wiederholen\"") && !page.contains("/abbrechen\""));
    let refused = agent
        .post(&format!("{BASE}/{alive}/abbrechen/bestaetigen"), &[])
        .await;
    assert_eq!(refused.status, 409);
    assert!(
        refused
            .element_text("refused-message")
            .unwrap()
            .contains("„läuft“")
    );

    // The dead worker's run goes back into the queue.
    agent.get(&format!("{BASE}/{dead}")).await;
    let answer = agent
        .post(&format!("{BASE}/{dead}/wiederholen/bestaetigen"), &[])
        .await;
    assert_eq!(answer.status, 303);
    let run = run_of(&app, &dead).await;
    assert_eq!(run.state, RunState::Pending);
    assert_eq!(run.lock_by, None);
    assert_eq!(audited(&app, &dead, "retry").await.len(), 1);
}

#[tokio::test]
async fn malformed_and_unknown_run_ids_are_not_found() {
    let app = app().await;
    let agent = admin(&app).await;
    for path in [
        "/system/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "/system/jobs/nicht%20g%C3%BCltig",
        "/system/jobs/a'b",
        &format!("/system/jobs/{}", "A".repeat(65)),
    ] {
        assert_eq!(agent.get(path).await.status, 404, "{path}");
    }
    agent.get(BASE).await;
    for suffix in [
        "wiederholen",
        "wiederholen/bestaetigen",
        "abbrechen",
        "abbrechen/bestaetigen",
    ] {
        let path = format!("/system/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV/{suffix}");
        assert_eq!(agent.post(&path, &[]).await.status, 404, "{path}");
        let path = format!("/system/jobs/a'b/{suffix}");
        assert_eq!(agent.post(&path, &[]).await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn only_admins_and_operators_use_the_dashboard_and_its_actions() {
    let app = app().await;
    enqueue(&app, OK_JOB).await;
    let id = runs(&app).await[0].id.clone();
    for role in Role::ALL {
        let (agent, _) = agent_for(&app, role, &format!("jobs-{}", role.code())).await;
        let allowed = matches!(role, Role::Admin | Role::SuperAdmin);
        let expect = if allowed { 200 } else { 403 };
        assert_eq!(agent.get(BASE).await.status, expect, "{role:?} list");
        assert_eq!(
            agent.get(&format!("{BASE}/{id}")).await.status,
            expect,
            "{role:?} run"
        );
        agent.get("/").await;
        let confirm = agent.post(&format!("{BASE}/{id}/abbrechen"), &[]).await;
        assert_eq!(confirm.status, expect, "{role:?} cancel confirmation");
        let retry = agent.post(&format!("{BASE}/{id}/wiederholen"), &[]).await;
        let expect_retry = if allowed { 409 } else { 403 };
        assert_eq!(retry.status, expect_retry, "{role:?} retry confirmation");
        if !allowed {
            for suffix in ["abbrechen/bestaetigen", "wiederholen/bestaetigen"] {
                let page = agent.post(&format!("{BASE}/{id}/{suffix}"), &[]).await;
                assert_eq!(page.status, 403, "{role:?} {suffix}");
            }
        }
    }
    let run = run_of(&app, &id).await;
    assert_eq!(
        run.state,
        RunState::Pending,
        "nobody without the right changed it"
    );
    // Anonymous callers are sent to the login.
    let anon = app.agent();
    anon.get("/login").await;
    let page = anon
        .post(&format!("{BASE}/{id}/abbrechen/bestaetigen"), &[])
        .await;
    assert_eq!(page.status, 303);
    assert!(page.location().unwrap().starts_with("/login"));
    assert_eq!(run_of(&app, &id).await.state, RunState::Pending);
}

#[tokio::test]
async fn every_state_has_its_german_and_english_name() {
    let app = app().await;
    let texts = &app.services().texts;
    for state in RunState::ALL {
        let key = hih_operations::jobs::view::state_key(state);
        for locale in Locale::STAFF {
            assert!(texts.has(locale, &key), "{key} ({locale})");
        }
    }
    assert_eq!(
        texts.t(
            Locale::De,
            &hih_operations::jobs::view::state_key(RunState::Stalled),
            &[]
        ),
        "von einem ausgefallenen Worker gehalten"
    );
}

/// Moves the end of run `id` `days` days into the past.
async fn age(app: &TestApp, id: &str, days: i64) {
    let db = app.db();
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => format!(
            "UPDATE apalis.jobs SET done_at = done_at - interval '{days} days' WHERE id = $1"
        ),
        _ => format!("UPDATE Jobs SET done_at = done_at - {days} * 86400 WHERE id = ?"),
    };
    db.execute_raw(Statement::from_sql_and_values(backend, sql, [id.into()]))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_daily_purge_deletes_old_successful_runs_only() {
    use hih_operations::jobs::purge;
    let app = app().await;
    let (old_done, old_failed) = done_and_failed(&app).await;
    enqueue(&app, OK_JOB).await;
    run_all(&app).await;
    enqueue(&app, OK_JOB).await;
    let all = runs(&app).await;
    let (waiting, recent_done) = (all[0].id.clone(), all[1].id.clone());
    age(&app, &old_done, purge::KEEP_DONE_DAYS + 1).await;
    age(&app, &old_failed, purge::KEEP_DONE_DAYS + 1).await;
    age(&app, &recent_done, purge::KEEP_DONE_DAYS - 1).await;

    app.run_job(purge::JOB, serde_json::Value::Null)
        .await
        .unwrap();
    let mut left: Vec<String> = runs(&app).await.into_iter().map(|r| r.id).collect();
    left.sort();
    let mut expected = vec![old_failed, recent_done, waiting];
    expected.sort();
    assert_eq!(left, expected, "only the old successful run is gone");
    let events = audited(&app, "*", "purge").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor, format!("system:{}", purge::JOB));
    let details: serde_json::Value = serde_json::from_str(&events[0].changes).unwrap();
    assert_eq!(details["deleted"], 1);

    // Nothing more to delete: no further entry.
    app.run_job(purge::JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(runs(&app).await.len(), 3);
    assert_eq!(audited(&app, "*", "purge").await.len(), 1);
    // Scheduled daily.
    assert!(
        app.state
            .cron
            .iter()
            .any(|c| c.job == purge::JOB && c.schedule == "0 10 4 * * *")
    );
}
