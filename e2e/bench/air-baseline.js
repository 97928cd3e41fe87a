// `make bench`: the JavaScript baseline for the air engine, written the obvious way (split the
// lines, split(','), Number(), arrays of numbers and nulls; no typed arrays, no tricks). It runs
// the same algorithm as cc_core (core/src/air/aggregate.rs, iaqi.rs, rules.rs, round.rs,
// stats.rs) on a CNEMC hourly CSV and must reach the same 优良天数 and valid days:
//  - per station, a dense hourly series from its first to its last row;
//  - natural day D = stamps D 01:00 … D+1 00:00;
//  - 24-h means of PM2.5, PM10, SO2, NO2, CO need ≥ 20 valid hours; the daily maximum 1-h O3
//    needs ≥ 20 valid hours; O3 8-h sliding means need ≥ 6 valid hours and the daily maximum over
//    the windows ending 08:00 … 24:00 needs ≥ 14 valid windows;
//  - city daily value = mean over the stations that are not 对照点 and have the value;
//  - computed concentrations rounded half to even (integers, CO to 0.1);
//  - IAQI by HJ 633-2012 Table 1 (24-h columns, O3 1-h and 8-h), rounded up; daily AQI = the
//    maximum, none if any of the seven items is missing; 优良 = AQI ≤ 100 among valid days.
// Loaded by bench.html as a classic script: defines globalThis.airBaseline(text).

(function () {
  // Species order (as in cc_core): PM2.5, PM10, SO2, NO2, CO, O3. The 1-h O3 is in `o3_24h`.
  const SPECIES_COLUMNS = ['pm2_5', 'pm10', 'so2', 'no2', 'co', 'o3_24h'];
  const PM25 = 0, PM10 = 1, SO2 = 2, NO2 = 3, CO = 4, O3 = 5;

  // HJ 633-2012 Table 1.
  const STEPS = [0, 50, 100, 150, 200, 300, 400, 500];
  const SO2_24H = [0, 50, 150, 475, 800, 1600, 2100, 2620];
  const NO2_24H = [0, 40, 80, 180, 280, 565, 750, 940];
  const PM10_24H = [0, 50, 150, 250, 350, 420, 500, 600];
  const CO_24H = [0, 2, 4, 14, 24, 36, 48, 60];
  const O3_1H = [0, 160, 200, 300, 400, 800, 1000, 1200];
  const O3_8H = [0, 100, 160, 215, 265, 800];
  const PM25_24H = [0, 35, 75, 115, 150, 250, 350, 500];

  // The seven daily items in cc_core's order: SO2, NO2, PM10, CO, O3 1-h, O3 8-h, PM2.5.
  const ITEM_SPECIES = [SO2, NO2, PM10, CO, O3, O3, PM25];
  const ITEM_COLUMN = [SO2_24H, NO2_24H, PM10_24H, CO_24H, O3_1H, O3_8H, PM25_24H];
  const ITEM_O3_8H = 5;

  // GB/T 8170 round half to even; sums of decimals land a few ulps off .5.
  function halfEven(x, decimals) {
    const scale = Math.pow(10, decimals);
    const y = x * scale;
    const floor = Math.floor(y);
    const frac = y - floor;
    let rounded;
    if (Math.abs(frac - 0.5) < 1e-9) {
      rounded = floor % 2 === 0 ? floor : floor + 1;
    } else {
      rounded = Math.round(y);
    }
    return rounded / scale;
  }

  function roundConcentration(species, x) {
    return halfEven(x, species === CO ? 1 : 0);
  }

  function iaqi(breakpoints, c) {
    if (!Number.isFinite(c) || c < 0) return null;
    for (let i = 0; i + 1 < breakpoints.length; i++) {
      const lo = breakpoints[i];
      const hi = breakpoints[i + 1];
      if (c <= hi) {
        const ilo = STEPS[i];
        const ihi = STEPS[i + 1];
        const x = (ihi - ilo) / (hi - lo) * (c - lo) + ilo;
        return Math.max(Math.ceil(x - 1e-9), 0);
      }
    }
    return breakpoints.length === STEPS.length ? 500 : null;
  }

  function dailyAqi(values) {
    let aqi = 0;
    for (let p = 0; p < 7; p++) {
      const c = values[p];
      if (c === null) return null;
      // HJ 633-2012 note 3: an O3 8-h value above 800 is not scored (the 1-h one counts).
      if (p === ITEM_O3_8H && c > 800) continue;
      const sub = iaqi(ITEM_COLUMN[p], c);
      if (sub === null) return null;
      aqi = Math.max(aqi, sub);
    }
    return aqi;
  }

  // Means over `window` values ending at each index, with a running sum.
  function slidingMean(values, window, minValid) {
    const out = [];
    let sum = 0;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== null) {
        sum += values[i];
        n++;
      }
      if (i >= window && values[i - window] !== null) {
        sum -= values[i - window];
        n--;
      }
      out.push(n >= Math.max(minValid, 1) ? sum / n : null);
    }
    return out;
  }

  function parseHour(stamp) {
    // `2021-01-01T01:00:00` → hours since 1970-01-01 00:00 (Beijing time).
    const year = Number(stamp.slice(0, 4));
    const month = Number(stamp.slice(5, 7));
    const day = Number(stamp.slice(8, 10));
    const hour = Number(stamp.slice(11, 13));
    return Date.UTC(year, month - 1, day, hour) / 3600000;
  }

  function parseCsv(text) {
    const lines = text.split('\n');
    const header = lines[0].trim().split(',');
    const width = header.length;
    const timeCol = header.indexOf('timepoint');
    const codeCol = header.indexOf('stationcode');
    const nameCol = header.indexOf('positionname');
    const primaryCol = header.indexOf('primarypollutant');
    const speciesCols = SPECIES_COLUMNS.map((name) => header.indexOf(name));
    const stations = [];
    const byCode = new Map();
    let rows = 0;
    let lastStamp = null;
    let lastHour = 0;
    for (let l = 1; l < lines.length; l++) {
      const line = lines[l].trim();
      if (line === '') continue;
      const cells = line.split(',');
      // A quoted list of primary pollutants ("颗粒物(PM10),细颗粒物(PM2.5)") adds cells: the
      // columns after it are counted from the end of the line.
      const shift = cells.length - width;
      const cell = (col) => cells[col > primaryCol ? col + shift : col];
      const stamp = cell(timeCol);
      // Rows of one hour are consecutive: each distinct stamp is parsed once (as cc_core does).
      if (stamp !== lastStamp) {
        lastStamp = stamp;
        lastHour = parseHour(stamp);
      }
      const code = cell(codeCol);
      let station = byCode.get(code);
      if (station === undefined) {
        const name = cell(nameCol) || code;
        station = { code, name, reference: name.includes('对照点'), rows: [] };
        byCode.set(code, station);
        stations.push(station);
      }
      const c = speciesCols.map((col) => {
        const text = cell(col);
        return text === '' ? null : Number(text);
      });
      station.rows.push({ hour: lastHour, c });
      rows++;
    }
    return { stations, rows };
  }

  function stationDays(station) {
    let start = Infinity;
    let end = -Infinity;
    for (const row of station.rows) {
      start = Math.min(start, row.hour);
      end = Math.max(end, row.hour);
    }
    const grid = new Array(end - start + 1).fill(null);
    for (const row of station.rows) grid[row.hour - start] = row.c;
    const o3 = grid.map((c) => (c === null ? null : c[O3]));
    const o3Mean8h = slidingMean(o3, 8, 6);
    const days = [];
    const firstDay = Math.floor((start - 1) / 24);
    const lastDay = Math.floor((end - 1) / 24);
    for (let day = firstDay; day <= lastDay; day++) {
      const first = day * 24 + 1 - start;
      const sum = [0, 0, 0, 0, 0, 0];
      const n = [0, 0, 0, 0, 0, 0];
      let o3Max = null;
      for (let k = 0; k < 24; k++) {
        const c = grid[first + k];
        if (c === undefined || c === null) continue;
        for (let s = 0; s < 6; s++) {
          if (c[s] !== null) {
            sum[s] += c[s];
            n[s]++;
          }
        }
        if (c[O3] !== null) o3Max = o3Max === null ? c[O3] : Math.max(o3Max, c[O3]);
      }
      const mean = (s) => (n[s] >= 20 ? roundConcentration(s, sum[s] / n[s]) : null);
      const windows = [];
      for (let k = 7; k < 24; k++) {
        const m = o3Mean8h[first + k];
        if (m !== undefined && m !== null) windows.push(m);
      }
      const o3Max8h = windows.length >= 14 ? roundConcentration(O3, Math.max(...windows)) : null;
      const o3Max1h = n[O3] >= 20 ? o3Max : null;
      days.push({
        day,
        values: [mean(SO2), mean(NO2), mean(PM10), mean(CO), o3Max1h, o3Max8h, mean(PM25)],
      });
    }
    return days;
  }

  function airBaseline(text) {
    const { stations, rows } = parseCsv(text);
    const city = new Map();
    for (const station of stations) {
      const days = stationDays(station);
      if (station.reference) continue;
      for (const d of days) {
        let acc = city.get(d.day);
        if (acc === undefined) {
          acc = { sum: [0, 0, 0, 0, 0, 0, 0], n: [0, 0, 0, 0, 0, 0, 0] };
          city.set(d.day, acc);
        }
        for (let p = 0; p < 7; p++) {
          if (d.values[p] !== null) {
            acc.sum[p] += d.values[p];
            acc.n[p]++;
          }
        }
      }
    }
    const days = [...city.keys()].sort((a, b) => a - b).map((day) => {
      const acc = city.get(day);
      const values = acc.sum.map((s, p) =>
        acc.n[p] > 0 ? roundConcentration(ITEM_SPECIES[p], s / acc.n[p]) : null);
      return { day, values, aqi: dailyAqi(values) };
    });
    let good = 0;
    let valid = 0;
    for (const d of days) {
      if (d.aqi !== null) {
        valid++;
        if (d.aqi <= 100) good++;
      }
    }
    return {
      rows,
      stations: stations.length,
      days: days.length,
      good,
      valid,
      dailyAqi: days.map((d) => d.aqi),
    };
  }

  globalThis.airBaseline = airBaseline;
})();
