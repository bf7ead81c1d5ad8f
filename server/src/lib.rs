//! Roamdesk's server: wiring only. Configuration, state, routes, start-up and shutdown.
pub mod cli;
pub mod config;
pub mod demo;
pub mod layers;
pub mod memory;
pub mod observability;
pub mod routes;
pub mod simulator;
pub mod state;
pub mod static_files;
pub mod workers;
