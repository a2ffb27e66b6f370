"""Vocabulary of the synthetic news generator (bench/corpus.py): countries, titles, outlets, names, goods, money.

Names, capitals, demonyms and office holders come from dyadwatch's own data files (countries.tsv, leaders.tsv);
this module adds what those files do not say: which office leads a country's diplomacy, how its titles read,
a few of its other cities, its currency, and the invented outlets, people and institutions of the stories.
Everything here is written for the generator; no sentence is taken from any corpus.
"""

from __future__ import annotations

# The countries of the corpus: iso3, draw weight, leading office (hos/hog), head-of-state title, head-of-government
# title, currency code, other cities (|), demonym override (| = alternatives, first is the default).
COUNTRIES: list[tuple[str, int, str, str, str, str, str, str]] = [
    ("USA", 10, "hos", "President", "President", "USD", "New York|Chicago|Houston|San Francisco", "US|American"),
    ("CHN", 9, "hos", "President", "Premier", "CNY", "Shanghai|Guangzhou|Shenzhen|Wuhan", ""),
    ("RUS", 8, "hos", "President", "Prime Minister", "RUB", "St Petersburg|Novosibirsk|Kazan|Belgorod", ""),
    ("GBR", 6, "hog", "King", "Prime Minister", "GBP", "Manchester|Birmingham|Glasgow|Liverpool", ""),
    ("FRA", 6, "hos", "President", "Prime Minister", "EUR", "Marseille|Lyon|Toulouse|Bordeaux", ""),
    ("DEU", 6, "hog", "President", "Chancellor", "EUR", "Hamburg|Munich|Frankfurt|Cologne", ""),
    ("JPN", 5, "hog", "Emperor", "Prime Minister", "JPY", "Osaka|Yokohama|Nagoya|Fukuoka", ""),
    ("IND", 6, "hog", "President", "Prime Minister", "INR", "Mumbai|Chennai|Kolkata|Bengaluru", ""),
    ("BRA", 4, "hos", "President", "President", "USD", "São Paulo|Rio de Janeiro|Salvador|Manaus", ""),
    ("TUR", 5, "hos", "President", "President", "USD", "Istanbul|Izmir|Gaziantep|Antalya", ""),
    ("IRN", 5, "hog", "Supreme Leader", "President", "USD", "Isfahan|Mashhad|Tabriz|Bandar Abbas", ""),
    ("ISR", 5, "hog", "President", "Prime Minister", "USD", "Tel Aviv|Haifa|Beersheba|Eilat", ""),
    ("SAU", 4, "hog", "King", "Prime Minister", "SAR", "Jeddah|Dammam|Tabuk|Yanbu", ""),
    ("EGY", 4, "hos", "President", "Prime Minister", "USD", "Alexandria|Port Said|Suez|Aswan", ""),
    ("UKR", 6, "hos", "President", "Prime Minister", "EUR", "Kharkiv|Odesa|Lviv|Dnipro", ""),
    ("POL", 4, "hog", "President", "Prime Minister", "EUR", "Krakow|Gdansk|Wroclaw|Rzeszow", ""),
    ("ITA", 4, "hog", "President", "Prime Minister", "EUR", "Milan|Naples|Turin|Genoa", ""),
    ("ESP", 3, "hog", "King", "Prime Minister", "EUR", "Barcelona|Valencia|Seville|Bilbao", ""),
    ("CAN", 3, "hog", "King", "Prime Minister", "USD", "Toronto|Montreal|Vancouver|Calgary", ""),
    ("AUS", 3, "hog", "King", "Prime Minister", "USD", "Sydney|Melbourne|Perth|Darwin", ""),
    ("KOR", 4, "hos", "President", "Prime Minister", "KRW", "Busan|Incheon|Daegu|Ulsan", ""),
    ("PRK", 3, "hos", "leader", "Premier", "USD", "Wonsan|Hamhung|Sinuiju|Kaesong", ""),
    ("PAK", 4, "hog", "President", "Prime Minister", "USD", "Karachi|Lahore|Peshawar|Quetta", ""),
    ("AFG", 2, "hog", "President", "Prime Minister", "USD", "Kandahar|Herat|Mazar-i-Sharif|Jalalabad", ""),
    ("IDN", 3, "hos", "President", "President", "USD", "Surabaya|Medan|Bandung|Makassar", ""),
    ("MYS", 2, "hog", "King", "Prime Minister", "USD", "Penang|Johor Bahru|Kota Kinabalu|Kuching", ""),
    ("PHL", 3, "hos", "President", "President", "USD", "Cebu|Davao|Zamboanga|Iloilo", "Philippine"),
    ("VNM", 3, "hog", "President", "Prime Minister", "USD", "Ho Chi Minh City|Da Nang|Haiphong|Hue", ""),
    ("THA", 2, "hog", "King", "Prime Minister", "USD", "Chiang Mai|Phuket|Khon Kaen|Songkhla", ""),
    ("MEX", 3, "hos", "President", "President", "USD", "Monterrey|Guadalajara|Tijuana|Ciudad Juárez", ""),
    ("ARG", 2, "hos", "President", "President", "USD", "Córdoba|Rosario|Mendoza|Ushuaia", ""),
    ("COL", 2, "hos", "President", "President", "USD", "Medellín|Cali|Barranquilla|Cúcuta", ""),
    ("VEN", 2, "hos", "President", "President", "USD", "Maracaibo|Barquisimeto|Ciudad Guayana|Maturín", ""),
    ("CHL", 2, "hos", "President", "President", "USD", "Valparaíso|Antofagasta|Concepción|Punta Arenas", ""),
    ("PER", 1, "hos", "President", "President", "USD", "Arequipa|Cusco|Trujillo|Iquitos", ""),
    ("ZAF", 3, "hos", "President", "President", "USD", "Johannesburg|Cape Town|Durban|Bloemfontein", ""),
    ("NGA", 3, "hos", "President", "President", "USD", "Lagos|Kano|Port Harcourt|Maiduguri", ""),
    ("KEN", 2, "hos", "President", "President", "USD", "Mombasa|Kisumu|Nakuru|Eldoret", ""),
    ("ETH", 2, "hog", "President", "Prime Minister", "USD", "Dire Dawa|Mekelle|Bahir Dar|Gondar", ""),
    ("SDN", 1, "hos", "General", "Prime Minister", "USD", "Port Sudan|Omdurman|El Fasher|Kassala", ""),
    ("DZA", 2, "hos", "President", "Prime Minister", "USD", "Oran|Constantine|Annaba|Tamanrasset", ""),
    ("MAR", 2, "hos", "King", "Prime Minister", "USD", "Casablanca|Tangier|Marrakesh|Agadir", ""),
    ("QAT", 3, "hos", "Emir", "Prime Minister", "USD", "Al Wakrah|Al Khor|Ras Laffan|Lusail", ""),
    ("ARE", 3, "hos", "President", "Prime Minister", "USD", "Dubai|Sharjah|Fujairah|Al Ain", "Emirati"),
    ("JOR", 2, "hos", "King", "Prime Minister", "USD", "Aqaba|Irbid|Zarqa|Mafraq", ""),
    ("IRQ", 3, "hog", "President", "Prime Minister", "USD", "Basra|Mosul|Erbil|Kirkuk", ""),
    ("SYR", 3, "hos", "President", "Prime Minister", "USD", "Aleppo|Homs|Latakia|Deir ez-Zor", ""),
    ("LBN", 2, "hog", "President", "Prime Minister", "USD", "Sidon|Tyre|Baalbek|Byblos", ""),
    ("GRC", 2, "hog", "President", "Prime Minister", "EUR", "Thessaloniki|Patras|Heraklion|Piraeus", ""),
    ("CYP", 1, "hos", "President", "President", "EUR", "Limassol|Larnaca|Paphos|Famagusta", ""),
    ("SRB", 2, "hos", "President", "Prime Minister", "EUR", "Novi Sad|Niš|Kragujevac|Subotica", ""),
    ("HUN", 2, "hog", "President", "Prime Minister", "EUR", "Debrecen|Szeged|Pécs|Győr", ""),
    ("ROU", 2, "hos", "President", "Prime Minister", "EUR", "Cluj-Napoca|Constanța|Iași|Timișoara", ""),
    ("SWE", 2, "hog", "King", "Prime Minister", "EUR", "Gothenburg|Malmö|Uppsala|Luleå", ""),
    ("NOR", 2, "hog", "King", "Prime Minister", "EUR", "Bergen|Trondheim|Stavanger|Tromsø", ""),
    ("NLD", 2, "hog", "King", "Prime Minister", "EUR", "Rotterdam|Utrecht|Eindhoven|Groningen", ""),
    ("BEL", 2, "hog", "King", "Prime Minister", "EUR", "Antwerp|Ghent|Liège|Bruges", ""),
    ("KAZ", 2, "hos", "President", "Prime Minister", "USD", "Almaty|Shymkent|Aktau|Karaganda", "Kazakh"),
    ("AZE", 2, "hos", "President", "Prime Minister", "USD", "Ganja|Sumgait|Lankaran|Shusha", "Azerbaijani"),
    ("ARM", 2, "hog", "President", "Prime Minister", "USD", "Gyumri|Vanadzor|Kapan|Goris", ""),
    ("GEO", 2, "hog", "President", "Prime Minister", "USD", "Batumi|Kutaisi|Rustavi|Poti", ""),
    ("SGP", 2, "hog", "President", "Prime Minister", "USD", "Jurong|Woodlands|Changi|Tuas", ""),
    ("BGD", 2, "hog", "President", "Prime Minister", "USD", "Chittagong|Khulna|Sylhet|Cox's Bazar", ""),
    ("LKA", 1, "hos", "President", "Prime Minister", "USD", "Kandy|Galle|Jaffna|Hambantota", ""),
    ("NZL", 1, "hog", "King", "Prime Minister", "USD", "Auckland|Christchurch|Dunedin|Hamilton", "New Zealand"),
    ("CUB", 1, "hos", "President", "Prime Minister", "USD", "Santiago de Cuba|Camagüey|Holguín|Cienfuegos", ""),
    ("TWN", 2, "hos", "President", "Premier", "USD", "Kaohsiung|Taichung|Tainan|Keelung", ""),
]

# Country names that take "the" in running text.
THE_NAMES = {"United States", "United Kingdom", "Philippines", "Netherlands", "United Arab Emirates"}

# Seat of government (and of embassies), where it is not the capital in countries.tsv or there is none.
SEATS = {"NLD": "The Hague", "SGP": "Singapore"}

# Foreign ministries known by another name (otherwise "the {dem} foreign ministry" and variants).
MINISTRIES = {"USA": ["the State Department", "the US State Department"],
              "GBR": ["the Foreign Office", "the British Foreign Office"]}

# Family-name-first countries: the short form of a leader's name is its first word.
FAMILY_FIRST = {"CHN", "PRK", "KOR", "TWN"}

# Titles of particular office holders that differ from their country's default title.
PERSON_TITLES = {"elizabeth-ii": "Queen", "kim-yong-nam": "head of state", "omar-al-bashir": "President",
                 "hibatullah-akhundzada": "supreme leader", "ashraf-ghani": "President"}

# Foreign and defence ministers' titles where they are not "Foreign Minister"/"Defence Minister".
FM_TITLES = {"USA": "Secretary of State", "GBR": "Foreign Secretary", "IND": "External Affairs Minister"}
DM_TITLES = {"USA": "Defense Secretary", "GBR": "Defence Secretary"}

# Invented outlets: name and dateline style (us: "March 3, 2025 —", uk: "3 March 2025:", wire: with the outlet).
SOURCES: list[tuple[str, str]] = [
    ("Meridian Wire", "wire"), ("Northgate Dispatch", "wire"), ("Harbour Ledger", "us"), ("The Lantern Review", "uk"),
    ("Continental Courier", "uk"), ("Atlas Morning Post", "us"), ("Crescent Observer", "uk"),
    ("Pacific Signal", "us"), ("Riverside Chronicle", "us"), ("Compass News Agency", "wire"),
    ("The Evening Sextant", "uk"), ("Borderline Weekly", "us"), ("Greywater Tribune", "us"),
    ("Amberfield Gazette", "uk"), ("Tidewater Report", "us"), ("Keystone Wire Service", "wire"),
    ("The Plainview Monitor", "us"), ("Saltmarsh Daily", "uk"), ("Equator Press", "wire"),
    ("Highland Bulletin", "uk"), ("Orbit World News", "us"), ("The Quarterdeck", "uk"),
    ("Silverline Agency", "wire"), ("Marble Arch Times", "uk"), ("Junction Herald Online", "us"),
    ("Fieldstone Review", "us"), ("Northern Lattice", "uk"), ("Caravan News Network", "wire"),
]

# Venues for meetings held neither here nor there.
VENUES = ["Geneva", "Vienna", "Doha", "Istanbul", "Oslo", "Brussels", "New York", "Addis Ababa", "Singapore",
          "Riyadh", "Abu Dhabi", "Helsinki", "Muscat", "Jakarta", "Nairobi", "Baku", "Astana", "Cairo"]

# International organisations: (running-text form, short form).
ORGS = [("the United Nations", "UN"), ("the European Union", "EU"), ("NATO", "NATO"), ("the African Union", "AU"),
        ("ASEAN", "ASEAN"), ("the World Bank", "World Bank"), ("the International Monetary Fund", "IMF"),
        ("the UN Security Council", "Security Council"), ("the World Trade Organization", "WTO"),
        ("the Organization of American States", "OAS"), ("the Arab League", "Arab League"), ("the G20", "G20")]

# Invented given names and family names for spokespeople, analysts and reporters.
GIVEN = ["Anna", "Tomas", "Leila", "Marco", "Yuki", "Daniel", "Amina", "Pavel", "Sofia", "Kwame", "Nadia",
         "Ravi", "Elena", "Omar", "Ingrid", "Hugo", "Mei", "Carlos", "Zeynep", "Jonas", "Fatima", "Luca",
         "Priya", "Tariq", "Helga", "Samuel", "Aiko", "Dmitri", "Lucia", "Kofi", "Maren", "Idris"]
FAMILY = ["Halvorsen", "Okafor", "Brandt", "Castellano", "Yilmaz", "Moreau", "Novak", "Haddad", "Lindqvist",
          "Mensah", "Ferreira", "Kowalczyk", "Tanaka", "Rahimi", "Oduya", "Petrenko", "Varga", "Delacroix",
          "Sandoval", "Ibrahimovic", "Nakamura", "Achterberg", "Quispe", "Marchetti", "Olsen", "Karimov",
          "Wainwright", "Abernathy", "Szabo", "Demir", "Valdés", "Thorsen"]

# Invented research institutions whose analysts are quoted.
THINK_TANKS = ["the Institute for Regional Affairs", "the Halden Centre for Security Studies",
               "the Lowmoor Policy Institute", "the Centre for Trade and Development", "the Eastbridge Foundation",
               "the Council on Maritime Strategy", "the Vantage Institute", "the Kestrel Centre for Economic Research"]

# Invented state news agencies: "{dem} state news agency" is used as well.
AGENCIES = ["the official news agency", "state television", "the state news agency", "a government-run website",
            "the ministry's official channel"]

# Goods that are traded, banned and taxed.
GOODS = ["steel", "aluminium", "wheat", "soybeans", "semiconductors", "rare earths", "fertiliser", "electric vehicles",
         "solar panels", "liquefied natural gas", "rice", "coffee", "textiles", "timber", "copper", "poultry",
         "pharmaceuticals", "machine tools", "seafood", "cotton", "crude oil", "palm oil", "beef", "wine"]

# Economic sectors for investment and cooperation.
SECTORS = ["infrastructure", "energy", "ports", "railways", "agriculture", "the digital economy", "mining",
           "health care", "renewable energy", "shipbuilding", "telecommunications", "tourism", "water management",
           "defence industry", "logistics", "education"]

# Topics of talks.
TOPICS = ["trade", "border security", "energy cooperation", "regional security", "migration", "climate finance",
          "counterterrorism", "maritime security", "debt relief", "nuclear energy", "food security",
          "the situation in the region", "visa rules", "fishing rights", "water sharing", "arms control",
          "investment protection", "the exchange of prisoners", "cyber security", "supply chains"]

# Issues that sanctions, threats and protests are about.
ISSUES = ["human rights abuses", "election interference", "its nuclear programme", "cyberattacks",
          "the detention of opposition figures", "the treatment of minorities", "a disputed maritime boundary",
          "arms shipments to rebels", "the expulsion of diplomats", "a dam on a shared river",
          "the jailing of a journalist", "military exercises near the border", "unfair trade practices"]

# What one side accuses the other of (after "accused X of").
ACCUSATIONS = ["violating the ceasefire", "meddling in its elections", "supporting armed groups",
               "harbouring militants", "spreading disinformation", "mistreating its citizens",
               "launching cyberattacks against government networks", "stealing industrial secrets",
               "violating its airspace", "dumping cheap steel on its market", "arming separatists",
               "blocking aid convoys", "illegally fishing in its waters"]

# Incidents that are blamed on someone (a noun phrase).
INCIDENTS = ["the attack on a border post", "the sinking of a fishing boat", "the explosion at a military depot",
             "the downing of a surveillance drone", "a cyberattack on the power grid", "the shelling of a market",
             "the seizure of a cargo ship", "the killing of two border guards"]

# Demands (after "urged X to" and "demanded that X").
DEMANDS = ["release detained journalists", "withdraw its troops", "return to the negotiating table",
           "respect the ceasefire", "reopen the border", "allow humanitarian access", "extradite the suspects",
           "halt missile tests", "stop building settlements", "pay compensation to the victims' families",
           "free the detained sailors", "end its military exercises"]

# Demands made of both sides at once.
DEMANDS_BOTH = ["exercise restraint", "resume talks", "agree to a ceasefire", "settle their dispute peacefully",
                "avoid steps that could escalate the crisis"]

# Conditions attached to a concession (after "if X").
CONDITIONS = ["releases the detained journalists", "returns to the talks", "halts its missile tests",
              "withdraws its forces from the border", "agrees to international inspections"]

# Development and construction projects.
PROJECTS = ["a deep-water port", "a power plant", "a high-speed railway", "a desalination plant", "a gas pipeline",
            "a fertiliser factory", "a wind farm", "a new airport terminal", "a copper smelter", "a data centre"]

# Fields of scientific cooperation.
RESEARCH = ["vaccine development", "space exploration", "climate monitoring", "artificial intelligence",
            "crop science", "marine biology", "nuclear fusion"]

# Vessels that are seized and returned.
VESSELS = ["fishing vessel", "oil tanker", "cargo ship", "research ship", "coast guard boat"]

# Relief goods in aid shipments (after a number).
RELIEF = ["tonnes of food aid", "tonnes of medical supplies", "tonnes of wheat", "tents", "water purification units",
          "generators", "doses of vaccine"]

# Disasters that prompt aid.
DISASTERS = ["deadly floods", "an earthquake", "months of drought", "a cyclone", "wildfires", "a cholera outbreak"]

# Technologies under export control.
TECH = ["advanced chips", "chipmaking equipment", "drone components", "dual-use goods", "satellite parts",
        "machine tools"]

# Military units and equipment that are deployed or used.
WEAPONS = ["missiles", "drones", "artillery", "warplanes", "rockets"]

# Demands of protesters (after "demanding").
PROTEST_DEMANDS = ["an apology", "the release of detained activists", "an end to the strikes",
                   "the closure of the embassy", "justice for the victims", "a halt to arms sales"]

# Decisions one government takes that another denounces (after "decision to").
DECISIONS = ["close the border", "raise tariffs", "expel foreign journalists", "build a dam on the river",
             "cut fuel exports", "suspend flights", "recall its ambassador"]

# Physical quantities: (unit phrase with its period, low, high, rounding step) for "{n} {unit}".
PHYSICAL = [("tonnes of wheat a year", 10_000, 2_000_000, 1000), ("barrels a day", 50_000, 3_000_000, 10_000),
            ("billion cubic metres of gas a year", 1, 60, 1), ("tonnes of coffee a year", 2_000, 400_000, 500),
            ("tonnes of fertiliser a year", 5_000, 500_000, 500), ("tonnes of steel a year", 10_000, 1_500_000, 1000),
            ("barrels of oil a day", 20_000, 2_000_000, 5_000), ("tonnes of rice a year", 5_000, 900_000, 500)]

# Currencies: code -> list of formats ({v} = value with scale word, {s} = scale word only).
CURRENCIES = {
    "USD": ["${v}", "US${v}", "{v} dollars", "${v}"],
    "EUR": ["€{v}", "{v} euros", "EUR {v}"],
    "GBP": ["£{v}", "{v} pounds"],
    "JPY": ["{v} yen", "¥{v}"],
    "CNY": ["{v} yuan", "{v} renminbi"],
    "RUB": ["{v} rubles", "{v} roubles"],
    "INR": ["{v} rupees", "Rs {v}"],
    "KRW": ["{v} won"],
    "SAR": ["{v} riyals"],
}

# Scales of money by currency: (scale word, low, high) — yen and won run larger.
MONEY_SCALES = {"JPY": [("billion", 10, 900), ("trillion", 1, 5)], "KRW": [("billion", 100, 900), ("trillion", 1, 9)],
                "INR": [("billion", 5, 500)], "RUB": [("billion", 5, 500)], "CNY": [("million", 100, 900),
                                                                             ("billion", 1, 80)]}
DEFAULT_SCALES = [("million", 5, 950), ("billion", 1, 60)]

# Number words for small counts.
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]

# Month names, and the abbreviations of the "us" dateline style.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Times of day that may follow a weekday ("on Tuesday evening").
DAY_PARTS = ["", "", "", " morning", " evening", " night", " afternoon"]

# Credit lines appended to syndicated copies (near-duplicates).
CREDITS = ["(Reporting by {r1} in {city}; editing by {r2})", "Additional reporting by {r1}.",
           "({r1} contributed reporting from {city}.)", "This story has been updated with comments from officials."]
