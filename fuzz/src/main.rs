//! `make fuzz`: every parser against mutated real inputs and arbitrary bytes.
//! Usage: `fuzz [iterations per target] [seed]` (defaults 200,000 and 1).

use cc_fuzz::{run, targets, SLOW_MS};

fn main() {
    let mut args = std::env::args().skip(1);
    let iterations: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    println!("fuzzing {iterations} inputs per parser, seed {seed}");
    println!(
        "{:<24} {:>10} {:>10} {:>12} {:>8} {:>10}",
        "parser", "inputs", "parsed", "positioned", "whole", "slowest"
    );
    let mut total = 0;
    let mut slow = false;
    for target in targets() {
        let t = run(&target, iterations, seed);
        total += t.inputs;
        slow |= t.slowest_ms >= SLOW_MS;
        println!(
            "{:<24} {:>10} {:>10} {:>12} {:>8} {:>8} ms",
            target.name, t.inputs, t.parsed, t.positioned, t.whole, t.slowest_ms
        );
    }
    println!(
        "{total} inputs in all; no panic; every failure either positioned or about the whole input"
    );
    if slow {
        eprintln!("an input took {SLOW_MS} ms or more: treat as a hang");
        std::process::exit(1);
    }
}
