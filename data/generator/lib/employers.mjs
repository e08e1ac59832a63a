// Invented, neutral employer names: a sector word plus a regional qualifier. No
// person's name appears; any likeness to a real organisation is coincidental.

const QUALIFIERS = {
  'Kreis Viersen': ['Niederrhein', 'Schwalm-Nette', 'Nordkreis', 'Grenzland', 'Am Hohen Busch'],
  Krefeld: ['Niederrhein', 'Rheinhafen', 'Seidenweberhaus', 'Am Stadtwald'],
  Mönchengladbach: ['Niederrhein', 'Grenzland', 'Am Bunten Garten', 'Gladbachtal'],
  Wuppertal: ['Bergisches Land', 'Wupperbogen', 'Am Ölberg', 'Nordpark'],
  Groningen: ['Noord', 'Reitdiep', 'Hunzeland', 'Stad en Ommeland', 'Noorderhaven'],
  Westerkwartier: ['Westerkwartier', 'Lauwerszee', 'Noord', 'Oude Riet'],
};

const PATTERNS = {
  care: { DE: ['Pflegedienst {Q} GmbH', 'Seniorenzentrum {Q} gGmbH', 'Ambulante Pflege {Q} GmbH', 'Wohnstift {Q} gGmbH'], NL: ['Zorggroep {Q}', 'Thuiszorg {Q} B.V.', 'Woonzorgcentrum {Q}'] },
  hospital: { DE: ['Krankenhausverbund {Q} gGmbH', 'Fachklinik {Q} GmbH', 'Klinikverbund {Q} gGmbH'], NL: ['Zorgcentrum {Q}', 'Medisch Centrum {Q}'] },
  gastro: { DE: ['Gasthaus {Q} GmbH', 'Kantinenservice {Q} GmbH', 'Restaurant Am Markt {Q}'], NL: ['Eetcafé {Q}', 'Horecagroep {Q} B.V.', 'Brasserie {Q}'] },
  cleaning: { DE: ['Gebäudeservice {Q} GmbH', 'Reinigungsdienste {Q} GmbH'], NL: ['Schoonmaakbedrijf {Q} B.V.', 'Facilitaire Diensten {Q}'] },
  logistics: { DE: ['Logistikzentrum {Q} GmbH', 'Lager und Versand {Q} GmbH', 'Spedition {Q} GmbH & Co. KG'], NL: ['Distributiecentrum {Q} B.V.', 'Logistiek {Q} B.V.'] },
  transport: { DE: ['Spedition {Q} GmbH & Co. KG', 'Verkehrsbetriebe {Q} GmbH', 'Transporte {Q} GmbH'], NL: ['Transportbedrijf {Q} B.V.', 'Vervoer {Q} B.V.'] },
  retail: { DE: ['Frischemarkt {Q} GmbH', 'Kaufhaus {Q} GmbH', 'Getränkemarkt {Q} GmbH'], NL: ['Supermarkt {Q} B.V.', 'Bouwmarkt {Q} B.V.'] },
  hair: { DE: ['Friseursalon {Q}', 'Haarstudio {Q} GmbH'], NL: ['Kapsalon {Q}', 'Kappersatelier {Q}'] },
  electrical: { DE: ['Elektrotechnik {Q} GmbH', 'Elektro-Service {Q} GmbH'], NL: ['Elektrotechniek {Q} B.V.', 'Installatietechniek {Q} B.V.'] },
  plumbing: { DE: ['Haustechnik {Q} GmbH', 'Sanitär- und Heizungsbau {Q} GmbH'], NL: ['Installatiebedrijf {Q} B.V.', 'Loodgietersbedrijf {Q}'] },
  car: { DE: ['Autoservice {Q} GmbH', 'Kfz-Werkstatt {Q} GmbH'], NL: ['Autobedrijf {Q} B.V.', 'Garage {Q}'] },
  metal: { DE: ['Metallbau {Q} GmbH', 'Stahlbau {Q} GmbH & Co. KG'], NL: ['Metaalbewerking {Q} B.V.', 'Staalbouw {Q} B.V.'] },
  painting: { DE: ['Malerbetrieb {Q} GmbH', 'Malerwerkstätten {Q} GmbH'], NL: ['Schildersbedrijf {Q} B.V.'] },
  construction: { DE: ['Bauunternehmung {Q} GmbH', 'Hochbau {Q} GmbH & Co. KG'], NL: ['Bouwbedrijf {Q} B.V.', 'Aannemersbedrijf {Q}'] },
  carpentry: { DE: ['Schreinerei {Q} GmbH', 'Holzbau {Q} GmbH'], NL: ['Timmerbedrijf {Q} B.V.', 'Meubelmakerij {Q}'] },
  childcare: { DE: ['Kita-Verbund {Q} gGmbH', 'Familienzentrum {Q} e.V.'], NL: ['Kinderopvang {Q} B.V.', 'Kindcentrum {Q}'] },
  school: { DE: ['Schulbegleitdienst {Q} gGmbH', 'Ganztagsträger {Q} e.V.'], NL: ['Onderwijsstichting {Q}', 'Basisschoolvereniging {Q}'] },
  it: { DE: ['Softwarehaus {Q} GmbH', 'IT-Systemhaus {Q} GmbH', 'Digitalwerk {Q} GmbH'], NL: ['Softwarebedrijf {Q} B.V.', 'ICT-diensten {Q} B.V.'] },
  office: { DE: ['Steuerbüro {Q} GmbH', 'Verwaltungsdienste {Q} GmbH', 'Handelskontor {Q} GmbH'], NL: ['Administratiekantoor {Q} B.V.', 'Kantoordiensten {Q}'] },
  callcentre: { DE: ['Kundenservice-Center {Q} GmbH', 'Dialogservice {Q} GmbH'], NL: ['Klantcontactcentrum {Q} B.V.'] },
  security: { DE: ['Sicherheitsdienst {Q} GmbH', 'Objektschutz {Q} GmbH'], NL: ['Beveiligingsbedrijf {Q} B.V.'] },
  green: { DE: ['Garten- und Landschaftsbau {Q} GmbH', 'Grünpflege {Q} GmbH'], NL: ['Hoveniersbedrijf {Q} B.V.', 'Groenvoorziening {Q}'] },
  agriculture: { DE: ['Gemüsebau {Q} GbR', 'Obsthof {Q} GbR', 'Gartenbaubetrieb {Q} GmbH'], NL: ['Akkerbouwbedrijf {Q}', 'Melkveebedrijf {Q}', 'Kwekerij {Q} B.V.'] },
  bakery: { DE: ['Bäckerei {Q} GmbH', 'Backstube {Q} GmbH'], NL: ['Bakkerij {Q} B.V.', 'Warme Bakker {Q}'] },
  butcher: { DE: ['Fleischerei {Q} GmbH', 'Fleischwaren {Q} GmbH'], NL: ['Slagerij {Q}', 'Vleeswarenbedrijf {Q} B.V.'] },
  hotel: { DE: ['Hotel {Q} GmbH', 'Tagungshotel {Q} GmbH'], NL: ['Hotel {Q} B.V.', 'Stadshotel {Q}'] },
  delivery: { DE: ['Paketdienst {Q} GmbH', 'Kurierdienst {Q} GmbH'], NL: ['Pakketdienst {Q} B.V.', 'Koeriersdienst {Q}'] },
  production: { DE: ['Kunststofftechnik {Q} GmbH', 'Verpackungswerk {Q} GmbH', 'Textilwerk {Q} GmbH'], NL: ['Productiebedrijf {Q} B.V.', 'Verpakkingsindustrie {Q} B.V.'] },
  dental: { DE: ['Zahnarztpraxis {Q}', 'Zahnmedizinisches Zentrum {Q} MVZ GmbH'], NL: ['Tandartspraktijk {Q}', 'Mondzorgcentrum {Q}'] },
  medical: { DE: ['Hausarztpraxis {Q}', 'Medizinisches Versorgungszentrum {Q} GmbH'], NL: ['Huisartsenpraktijk {Q}', 'Gezondheidscentrum {Q}'] },
  pharmacy: { DE: ['Apotheke {Q}', 'Stadt-Apotheke {Q} OHG'], NL: ['Apotheek {Q}', 'Service Apotheek {Q}'] },
  physio: { DE: ['Physiotherapiezentrum {Q} GmbH', 'Praxis für Physiotherapie {Q}'], NL: ['Fysiotherapiepraktijk {Q}', 'Fysiotherapie {Q}'] },
  interpreting: { DE: ['Sprachmittlerpool {Q} e.V.', 'Dolmetscherdienst {Q} GmbH'], NL: ['Tolkencentrum {Q}', 'Taalbureau {Q} B.V.'] },
  tailoring: { DE: ['Änderungsschneiderei {Q}', 'Textilatelier {Q} GmbH'], NL: ['Kleermakerij {Q}', 'Naaiatelier {Q}'] },
  volunteer: { DE: ['Flüchtlingshilfe {Q} e.V.', 'Ehrenamtsagentur {Q} e.V.', 'Nachbarschaftshilfe {Q} e.V.', 'Lebensmittelhilfe {Q} e.V.'], NL: ['Vrijwilligerscentrale {Q}', 'Stichting Buurtwerk {Q}', 'Stichting Voedselhulp {Q}'] },
  education: { DE: ['Bildungswerk {Q} gGmbH', 'Berufsbildungszentrum {Q} gGmbH', 'Pflegeschule {Q} gGmbH'], NL: ['Leerwerkcentrum {Q}', 'Opleidingscentrum {Q} B.V.', 'Vakschool {Q}'] },
};

export class Employers {
  constructor() {
    this.byName = new Map();
  }

  /** An employer of the sector near the place; repeated draws reuse names, so firms post several times. */
  pick(rng, sector, place) {
    const patterns = PATTERNS[sector];
    if (!patterns) throw new Error(`no employer patterns for sector ${sector}`);
    const pattern = rng.pick(patterns[place.country]);
    const name = pattern.replace('{Q}', rng.pick(QUALIFIERS[place.area]));
    if (!this.byName.has(name)) {
      this.byName.set(name, { id: `EMP-${String(this.byName.size + 1).padStart(4, '0')}`, name });
    }
    return { ...this.byName.get(name) };
  }
}
