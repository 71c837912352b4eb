//! Image pipeline benchmark: phone-sized JPEGs (4000×3000, noisy gradients,
//! half of them turned by EXIF orientation 6), cold (empty cache), warm
//! (cache and probe memo kept, as in `warta serve` or a local rebuild) and
//! warm without the memo (as on a CI/Netlify build with the cache folder
//! restored but a fresh checkout, so every source is re-read and hashed).
//!
//! `cargo bench --bench images` runs 100 and 500 images; set
//! `WARTA_IMG_BENCH_COUNTS=20,50` for others (`0` for none). Then social
//! cards: `WARTA_IMG_BENCH_CARDS` (default 2000) library cards without a
//! photo and a tenth over one shared photo, cold and warm. Each measurement runs in a
//! child process of its own so that its peak memory (VmHWM) is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use warta::images::{CardSpec, ImageUse, Pipeline, Settings};

const BASES: usize = 8;

fn main() {
    match std::env::var("WARTA_IMG_BENCH_MODE").as_deref() {
        Ok("gen") => generate(&dir("ROOT"), count()),
        Ok("run") => run(&dir("ROOT"), &dir("CACHE")),
        Ok("cards") => cards(&dir("ROOT"), &dir("CACHE"), count()),
        _ => orchestrate(),
    }
}

fn dir(var: &str) -> PathBuf {
    PathBuf::from(std::env::var(format!("WARTA_IMG_BENCH_{var}")).expect(var))
}

fn count() -> usize {
    std::env::var("WARTA_IMG_BENCH_N").unwrap().parse().unwrap()
}

fn orchestrate() {
    let counts = std::env::var("WARTA_IMG_BENCH_COUNTS").unwrap_or_else(|_| "100,500".into());
    let me = std::env::current_exe().unwrap();
    let child = |mode: &str, root: &Path, cache: &Path, n: usize| {
        let out = Command::new(&me)
            .env("WARTA_IMG_BENCH_MODE", mode)
            .env("WARTA_IMG_BENCH_ROOT", root)
            .env("WARTA_IMG_BENCH_CACHE", cache)
            .env("WARTA_IMG_BENCH_N", n.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    println!(
        "images bench: {} threads",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let cards_n: usize = std::env::var("WARTA_IMG_BENCH_CARDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    if cards_n > 0 {
        let root = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        generate(root.path(), 1);
        for run in ["cold", "warm"] {
            let r = child("cards", root.path(), cache.path(), cards_n);
            println!("cards={cards_n} {run}: {r}");
        }
    }
    for n in counts
        .split(',')
        .map(|s| s.trim().parse::<usize>().unwrap())
        .filter(|&n| n > 0)
    {
        let root = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let t = Instant::now();
        child("gen", root.path(), cache.path(), n);
        let mb = dir_size(&root.path().join("static/foto")) as f64 / 1e6;
        println!(
            "n={n}: generated {n} JPEGs, {mb:.0} MB, in {:.1}s",
            t.elapsed().as_secs_f64()
        );
        println!(
            "n={n} cold:         {}",
            child("run", root.path(), cache.path(), n)
        );
        println!(
            "n={n} warm:         {}",
            child("run", root.path(), cache.path(), n)
        );
        std::fs::remove_file(cache.path().join("sources.tsv")).unwrap();
        println!(
            "n={n} warm no memo: {}",
            child("run", root.path(), cache.path(), n)
        );
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

/// `BASES` distinct pictures, copied `n` times with a comment segment that
/// makes each file's bytes (so its hash) unique: decoding cost is real,
/// generation stays quick.
fn generate(root: &Path, n: usize) {
    let dir = root.join("static/foto");
    std::fs::create_dir_all(&dir).unwrap();
    let bases: Vec<Vec<u8>> = (0..BASES).map(base).collect();
    for i in 0..n {
        let b = &bases[i % BASES];
        let mut out = b[..2].to_vec();
        let text = format!("warta bench image {i}");
        out.extend_from_slice(&[0xFF, 0xFE]);
        out.extend_from_slice(&((text.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(&b[2..]);
        std::fs::write(dir.join(format!("foto-{i:04}.jpg")), out).unwrap();
    }
}

fn base(k: usize) -> Vec<u8> {
    let (w, h) = (4000u32, 3000u32);
    let mut seed = 0x9E37_79B9u32.wrapping_mul(k as u32 + 1);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 32) as i32 - 16;
        let c = |v: u32| (v as i32 + n).clamp(0, 255) as u8;
        image::Rgb([
            c(x * 255 / w),
            c(y * 255 / h),
            c(((x + y) / 28 + k as u32 * 30) % 256),
        ])
    });
    let mut jpg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpg, 88)
        .encode_image(&img)
        .unwrap();
    if k % 2 == 1 {
        // EXIF orientation 6, as a phone held upright writes it.
        let tiff: Vec<u8> = [
            &b"II*\0\x08\0\0\0\x01\0"[..],
            &[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0],
            &[0, 0, 0, 0],
        ]
        .concat();
        let mut seg = vec![0xFF, 0xE1];
        seg.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
        seg.extend_from_slice(b"Exif\0\0");
        seg.extend_from_slice(&tiff);
        jpg.splice(2..2, seg);
    }
    jpg
}

fn run(root: &Path, cache: &Path) {
    let names: Vec<String> = std::fs::read_dir(root.join("static/foto"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let assets: Vec<(String, String)> = names
        .iter()
        .map(|n| (format!("static/foto/{n}"), format!("/foto/{n}")))
        .collect();
    let t = Instant::now();
    let p =
        Pipeline::new(cache.to_path_buf(), root.to_path_buf()).with_settings(Settings::default());
    let mut plan = p.empty_plan(&assets);
    plan.add_many(
        assets
            .iter()
            .map(|(s, u)| {
                let page = ImageUse {
                    page: format!("/berita{u}/"),
                    span: None,
                };
                (s.clone(), u.clone(), page)
            })
            .collect(),
    );
    let planned = t.elapsed().as_secs_f64();
    let done = p.process(&plan).unwrap_or_else(|d| panic!("{d:#?}"));
    let total = t.elapsed().as_secs_f64();
    let out_mb = done
        .files
        .iter()
        .map(|f| std::fs::metadata(&f.path).unwrap().len())
        .sum::<u64>() as f64
        / 1e6;
    let cpu = cpu_seconds();
    println!(
        "{total:.2}s wall (plan {planned:.2}s), {cpu:.1}s CPU ({:.0} ms CPU/image), {} made, {} cached, {} decoded, {} files {out_mb:.0} MB, peak RSS {} MB",
        cpu * 1000.0 / names.len() as f64,
        done.processed,
        done.cached,
        done.decoded,
        done.files.len(),
        vm_hwm_mb(),
    );
}

/// `n` library cards, one in ten over the photo `generate` made first.
fn cards(root: &Path, cache: &Path, n: usize) {
    let photo = "static/foto/foto-0000.jpg".to_string();
    let assets = vec![(photo.clone(), "/foto/foto-0000.jpg".to_string())];
    let t = Instant::now();
    let p =
        Pipeline::new(cache.to_path_buf(), root.to_path_buf()).with_settings(Settings::default());
    let mut plan = p.empty_plan(&assets);
    let used = ImageUse {
        page: "/perpustakaan/".into(),
        span: None,
    };
    plan.add(&photo, &assets[0].1, used);
    let words = [
        "Sumber Ilmu",
        "Kenanga",
        "Tunas Harapan",
        "Cahaya",
        "Bina Warga",
    ];
    for i in 0..n {
        let spec = CardSpec {
            title: format!(
                "Perpustakaan Desa {} {}",
                words[i % words.len()],
                i * 7919 % 100_000
            ),
            subtitle: Some("Kabupaten Kudus, Jawa Tengah".into()),
            label: Some("Transformasi Perpustakaan Berbasis Inklusi Sosial".into()),
        };
        let over = (i % 10 == 0).then_some(photo.as_str());
        plan.add_card(&format!("library:{i}"), spec, over);
    }
    let done = p.process(&plan).unwrap_or_else(|d| panic!("{d:#?}"));
    let total = t.elapsed().as_secs_f64();
    let cards: Vec<_> = done
        .files
        .iter()
        .filter(|f| f.url.contains("/card-"))
        .collect();
    let kb = cards
        .iter()
        .map(|f| std::fs::metadata(&f.path).unwrap().len())
        .sum::<u64>() as f64
        / 1e3
        / cards.len().max(1) as f64;
    let cpu = cpu_seconds();
    println!(
        "{total:.2}s wall, {cpu:.1}s CPU ({:.2} ms CPU/card), {} made, {} cached, {kb:.1} KB/card, peak RSS {} MB",
        cpu * 1000.0 / n as f64,
        done.processed,
        done.cached,
        vm_hwm_mb(),
    );
}

/// User + system CPU time of this process, all threads (machine load from
/// other processes does not inflate it as it does wall time).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of the line: 12 and 13 here.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    ticks as f64 / 100.0
}

fn vm_hwm_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
