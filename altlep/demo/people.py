"""Invented people and organisations for the demo (any likeness to real ones is chance)."""

FIRST_NAMES = [
    "Aisha", "Alan", "Amir", "Beth", "Bilal", "Carol", "Chen", "Dan", "Deborah", "Ella", "Farah",
    "Gareth", "Grace", "Hamza", "Helen", "Imran", "Jack", "Jade", "Joanne", "Kamal", "Karen",
    "Leon", "Lily", "Mandy", "Marek", "Maryam", "Mike", "Nadia", "Neil", "Olu", "Paul", "Priya",
    "Rachel", "Rashid", "Ruth", "Sam", "Sana", "Sean", "Sophie", "Steve", "Tariq", "Tom", "Usha",
    "Vicky", "Wes", "Yasmin", "Zoe", "Agnieszka", "Bronwen", "Callum",
]
SURNAMES = [
    "Ahmed", "Ainsworth", "Ashworth", "Barker", "Begum", "Bradshaw", "Butterworth", "Clegg",
    "Cooper", "Dewhurst", "Duckworth", "Entwistle", "Fletcher", "Greenwood", "Haworth", "Hartley",
    "Hussain", "Iqbal", "Jackson", "Kaur", "Khan", "Kowalski", "Lord", "Mahmood", "Mistry",
    "Nowak", "Nuttall", "Patel", "Pilkington", "Rawcliffe", "Riley", "Shaw", "Singh",
    "Sutcliffe", "Taylor", "Thornber", "Walsh", "Whittaker", "Wilkinson", "Wood",
]
INTERESTS = [
    "local food and growing", "apprenticeships", "town-centre shops", "cycling and walking routes",
    "arts and culture", "youth work", "social care", "energy efficiency", "digital skills",
    "tourism on the coast", "community ownership", "buying local", "housing repairs",
    "mental health", "sport and leisure", "manufacturing jobs",
]
PLACES = [
    "Ribble", "Pendle", "Bowland", "Fylde", "Lune", "Wyre", "Calder", "Darwen", "Hodder",
    "Brock", "Douglas", "Rossendale", "Morecambe Bay", "Longridge", "Garstang", "Clitheroe",
    "Ormskirk", "Leyland", "Chorley", "Accrington", "Colne", "Padiham", "Kirkham", "Fleetwood",
]
# (trade, SIC 2007 code): the work micro-enterprises in the area do.
MICRO_TRADES = [
    ("Bakery", "10710"), ("Joinery", "43320"), ("Web Studio", "62012"), ("Plumbing", "43220"),
    ("Electrical", "43210"), ("Bookkeeping", "69202"), ("Print Works", "18129"),
    ("Garden Care", "81300"), ("Cleaning Services", "81210"), ("Café", "56102"),
    ("Tearoom", "56102"), ("Brewery", "11050"), ("Cycle Repairs", "95290"),
    ("Design", "74100"), ("Photography", "74209"), ("Signs", "18129"), ("IT Support", "62020"),
    ("Catering", "56210"), ("Removals", "49420"), ("Tutoring", "85590"),
    ("Physiotherapy", "86900"), ("Butchers", "47220"), ("Florist", "47760"),
    ("Motor Repairs", "45200"), ("Decorators", "43341"), ("Roofing", "43910"),
    ("Architects", "71111"), ("Marketing", "73110"), ("Translation", "74300"),
    ("Pottery", "23410"), ("Upholstery", "95240"), ("Dog Grooming", "96090"),
]
SMALL_TRADES = [
    ("Engineering", "25620"), ("Construction", "41202"), ("Software", "62012"),
    ("Food Processing", "10890"), ("Haulage", "49410"), ("Care Services", "88100"),
    ("Furniture", "31090"), ("Textiles", "13921"),
]
MEDIUM_TRADES = [("Aerospace Components", "30300"), ("Packaging", "17219"), ("Foods", "10850")]
SOCIAL_ENTERPRISES = [
    ("Community Energy", "35110", "bencom"), ("Food Co-operative", "47190", "coop"),
    ("Youth Trust", "88990", "charity"), ("Arts CIC", "90030", "cic"),
    ("Repair Café", "95290", "association"), ("Credit Union", "64191", "coop"),
    ("Community Transport", "49390", "cio"), ("Women's Centre", "88990", "cio"),
    ("Bike Recycling CIC", "95290", "cic"), ("Mental Health Charity", "86900", "charity"),
    ("Growing Project CIC", "01130", "cic"), ("Community Pub", "56302", "bencom"),
]
PUBLIC_BODIES = [
    ("Borough Council", "84110"), ("Teaching Hospitals NHS Foundation Trust", "86101"),
    ("College", "85410"),
]
