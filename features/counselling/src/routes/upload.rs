//! A message form's submission: the text fields and an optional file (`file`), sent as
//! `multipart/form-data` by the pages (no JavaScript needed) or as a plain urlencoded form
//! without a file.

use std::collections::HashMap;

use hih_kernel::AppError;
use hih_web::WebError;
use poem::web::{Form, Multipart};
use poem::{FromRequest, Request, RequestBody};

/// The submitted text fields and file.
#[derive(Debug, Default)]
pub struct MessageInput {
    fields: HashMap<String, String>,
    /// The file's bytes, if one was chosen (an empty file input sends none).
    pub file: Option<Vec<u8>>,
}

impl MessageInput {
    /// A text field (empty when missing).
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

fn bad_request() -> WebError {
    WebError(AppError::Refused("error-bad-request".into()))
}

impl<'a> FromRequest<'a> for MessageInput {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let multipart = req
            .content_type()
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) = Form::<HashMap<String, String>>::from_request(req, body)
                .await
                .map_err(|_| bad_request())?;
            return Ok(MessageInput { fields, file: None });
        }
        let mut form = Multipart::from_request(req, body)
            .await
            .map_err(|_| bad_request())?;
        let mut input = MessageInput::default();
        while let Some(field) = form.next_field().await.map_err(|_| bad_request())? {
            let name = field.name().unwrap_or_default().to_string();
            if name == "file" {
                let chosen = field.file_name().is_some_and(|n| !n.is_empty());
                let bytes = field.bytes().await.map_err(|_| bad_request())?;
                if chosen || !bytes.is_empty() {
                    input.file = Some(bytes);
                }
            } else {
                let text = field.text().await.map_err(|_| bad_request())?;
                input.fields.insert(name, text);
            }
        }
        Ok(input)
    }
}
