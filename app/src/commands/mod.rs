//! One module per subcommand.

pub mod backup;
pub mod create_admin;
pub mod demo_data;
pub mod import_plz;
pub mod migrate;
pub mod programme_end;
pub mod restore;
pub mod serve;
pub mod verify_audit;
