//! The app is compiled for the shape of its archive: `cfg(xunyue_sharded)`
//! when `xunyue-corpus` built no bundle (the archive is sharded and fetched
//! from `archive/`), else the embedded bundle is compiled in.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(xunyue_sharded)");
    println!("cargo::rerun-if-env-changed=DEP_XUNYUE_CORPUS_SHAPE");
    if std::env::var("DEP_XUNYUE_CORPUS_SHAPE").as_deref() == Ok("sharded") {
        println!("cargo::rustc-cfg=xunyue_sharded");
    }
}
