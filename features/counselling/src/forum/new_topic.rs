//! Opening a topic of the staff exchange (`/beratung/austausch/neu`): title and first post,
//! through the shared form flow (review before saving, cancel with confirmation, the draft
//! kept across back and forward).

use async_trait::async_trait;
use hih_db::UnitOfWork;
use hih_kernel::{Access, FieldErrors};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, checked, read_fields,
};
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebResult};
use serde::{Deserialize, Serialize};

use super::{FORUM, service};

/// The form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TopicForm {
    /// Title.
    title: String,
    /// The first post.
    body: String,
}

/// The checked topic.
pub struct ValidTopic {
    title: String,
    body: String,
}

/// The flow.
pub struct NewTopicFlow;

#[async_trait]
impl FormFlow for NewTopicFlow {
    type Record = ();
    type Form = TopicForm;
    type Valid = ValidTopic;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "forum-topic-new",
            path: "/beratung/austausch/neu",
            access: Access::Permission(FORUM),
            templates: (
                "counselling/forum_topic_form.html",
                "counselling/forum_topic_review.html",
            ),
        }
    }

    async fn load(&self, _ctx: &Ctx, _args: &FlowArgs) -> WebResult<()> {
        Ok(())
    }

    async fn initial(&self, _ctx: &Ctx, _record: &()) -> WebResult<TopicForm> {
        Ok(TopicForm::default())
    }

    fn read(&self, _record: &(), pairs: &[(String, String)]) -> TopicForm {
        read_fields(pairs)
    }

    async fn check(
        &self,
        _ctx: &Ctx,
        _record: &(),
        f: &TopicForm,
    ) -> WebResult<Checked<ValidTopic>> {
        let mut e = FieldErrors::new();
        let title = service::check_title(&mut e, "title", &f.title);
        let body = match crate::service::check_body("body", &f.body) {
            Ok(b) => b,
            Err(more) => {
                e.0.extend(more.0);
                String::new()
            }
        };
        checked(e.into_result().map(|()| ValidTopic { title, body }))
    }

    async fn save(
        &self,
        _ctx: &Ctx,
        uow: &mut UnitOfWork,
        _record: &(),
        v: ValidTopic,
    ) -> WebResult<Saved> {
        let t = service::open_topic(uow, &v.title, &v.body).await?;
        Ok(Saved {
            to: format!("/beratung/austausch/{}", t.id),
            flash: "counselling-forum-topic-saved",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _record: &()) -> String {
        "/beratung/austausch".into()
    }

    async fn page(&self, _ctx: &Ctx, _state: PageState<'_, Self>) -> WebResult<Value> {
        Ok(context! {})
    }
}
