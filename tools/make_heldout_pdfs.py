"""Writes the PDFs of bench/heldout (national/, and one in each later collection): short
releases laid out as agencies publish them (a title, headings, numbered points, a bulleted list, a
small table), each carrying its date and publisher differently: a dateline in the text, the PDF's
own properties only, a footer line, or a running header with page numbers over two pages. The
texts are summaries in our words (see bench/heldout/README.md). Run it once (it needs ``pip
install reportlab``); the PDFs are committed. Names given after the command write only the files
under those folders.

    python tools/make_heldout_pdfs.py [zones/ ...]
"""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent.parent / "bench" / "heldout"
BODY, LEAD, MARGIN, GUTTER = 10.5, 13.5, 64, 20
WIDTH, HEIGHT = A4

DOCUMENTS = {
    "bikes/pilot-2012.pdf": {
        "title": "Factsheet: public bicycle sharing in Beijing",
        "properties": ("Transition China", datetime(2012, 6, 18)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "Decades ago the bicycle was the main way to get around in China, which was known as the "
                  "\"Kingdom of Bicycles\". With the economic boom and the growth of cities from the late 1990s, "
                  "motor vehicles spread quickly, and cycling's share of trips fell sharply in many cities."),
            ("p", "To reverse this, the Beijing municipal government has taken a series of measures that favour "
                  "public transport. One of them is the city's first public bicycle sharing system led by the "
                  "municipality."),
            ("h", "The pilot phase"),
            ("table", "Public bicycle sharing pilot"),
            ("row", ("Launched", "16 June 2012")),
            ("row", ("Districts", "Dongcheng and Chaoyang")),
            ("row", ("Bicycles", "2,000")),
            ("row", ("Rental stations", "63")),
            ("p", "Bicycle sharing is becoming more and more popular among Chinese cities."),
        ],
    },
    "venues/big-air-2022.pdf": {
        "title": "From steel mill to ski jump: Big Air Shougang",
        "properties": None,
        "dateline": "Beijing, 8 February 2022 (Xinhua)",
        "footer": None,
        "scanned": True,
        "blocks": [
            ("p", "Big Air Shougang, in Shijingshan district in the west of Beijing, stands in the former Shougang "
                  "Industrial Park, once the largest steel mill in the region, which closed in 2011."),
            ("p", "Designed by TeamMinus, the mostly steel structure stands beside four large cooling towers on a "
                  "strip of land between a former cooling lake and the Yongding River."),
            ("p", "Concrete stands with 2,500 permanent seats surround the landing area. Steel stands were added "
                  "for the Olympics."),
            ("p", "The Beijing 2022 Organizing Committee moved its headquarters into converted iron ore silos on "
                  "the site in 2017. Office blocks, a conference center, a waterpark and a museum are planned for "
                  "the rest of the park."),
            ("p", "After the Games the venue will hold competitions and athlete training as well as cultural and "
                  "civic events."),
            ("p", "Liu Yumin, executive deputy director of the general planning and construction department of the "
                  "Beijing 2022 organizing committee, said other sites had been proposed for the venue, but the idea "
                  "of joining sport with industrial heritage won over the International Olympic Committee."),
        ],
    },
    "waste/enforcement-2020.pdf": {
        "title": "Beijing makes household garbage sorting mandatory",
        "properties": ("Xinhua", datetime(2020, 4, 30)),
        "dateline": None,
        "footer": None,
        "columns": 2,
        "blocks": [
            ("p", "BEIJING, April 30 (Xinhua) -- From Friday, Beijing joins the Chinese cities that make the sorting "
                  "of household garbage compulsory, in a new effort to protect the environment."),
            ("p", "Under the city's revised household waste regulation, which takes effect that day, people must "
                  "sort household waste into four categories: kitchen, recyclable, hazardous and other waste."),
            ("h", "Fines"),
            ("p", "The municipal comprehensive law-enforcing bureau of city administration may fine organizations "
                  "from 1,000 yuan (141 US dollars) to 50,000 yuan, and individuals from 50 to 200 yuan, for "
                  "breaking the sorting rules."),
            ("h", "Bins and stations"),
            ("p", "Li Rugang, deputy director of the Beijing Municipal Commission of Urban Management, said the "
                  "city had set up more than 113,000 garbage sorting bin stations in neighborhoods, and 980 closed "
                  "cleaning and transfer stations so that household garbage is collected and carried in one "
                  "system."),
            ("p", "Wen Tianwu, deputy director of the law-enforcing bureau, said its teams would begin a "
                  "three-month law enforcement campaign on Friday to guide and check household sorting. Those who "
                  "fail to sort as required will meet education and persuasion first, then written warnings or "
                  "fines."),
            ("p", "Beyond residential communities, the city's scenic spots will swap their bins for colored bins "
                  "for the four types of waste, and the municipal education commission asks schools to teach "
                  "garbage sorting all year round."),
            ("h", "Less to throw away"),
            ("p", "To cut the volume of garbage, the regulation forbids the city's catering services, online "
                  "takeaway outlets included, to hand out disposable tableware such as bamboo chopsticks and "
                  "plastic spoons, knives and forks."),
            ("p", "Hotels and restaurants may no longer offer disposable items such as toothbrushes, combs, bath "
                  "wipes, nail files and shoe wipes."),
            ("p", "The regulation also bans the production, sale and use of thin plastic bags."),
        ],
    },
    "economy/growth-2025.pdf": {
        "title": "Chinese capital's economy registers 5.2% growth in 2024",
        "properties": None,
        "dateline": None,
        "footer": "Xinhua | Updated: 2025-01-15 14:05",
        "blocks": [
            ("p", "BEIJING - The GDP of the Chinese capital grew about 5.2 percent year on year in 2024, mayor Yin "
                  "Yong said on Tuesday, delivering the government work report at the annual session of the Beijing "
                  "Municipal People's Congress."),
            ("p", "Its GDP per person remained among the highest in the country, he said."),
            ("h", "Industry"),
            ("p", "The city strengthened advanced manufacturing last year with 40 targeted policies for industries "
                  "such as medical devices and new materials."),
            ("p", "Its pharmaceutical and healthcare industry passed one trillion yuan (139.12 billion US dollars) for "
                  "the first time. Electric vehicle projects of companies such as Xiaomi and Li Auto began production, "
                  "and the capital made nearly 300,000 new energy vehicles, almost three times as many as a year "
                  "earlier."),
            ("p", "Beijing leads the country in the number of high-tech enterprises, \"little giant\" businesses and "
                  "unicorn companies, the report said."),
        ],
    },
    "axis/committee-2024.pdf": {
        "title": "The 46th session of the World Heritage Committee: new inscriptions",
        "properties": ("UNESCO Chair, Ionian University", datetime(2024, 9, 10)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "At its 46th session in New Delhi, India, the World Heritage Committee inscribed 26 new properties "
                  "on UNESCO's World Heritage List, counting two major extensions that are treated as new "
                  "inscriptions."),
            ("li", "20 cultural properties;"),
            ("li", "5 natural properties;"),
            ("li", "1 mixed property."),
            ("p", "The inscriptions bring the number of properties on the list to 1,223, in 168 countries. The "
                  "committee also examined the state of conservation of 123 properties already on the list."),
            ("p", "The session closed with Nauru ratifying the World Heritage Convention as its 196th State Party."),
            ("h", "The Central Axis of Beijing"),
            ("p", "The Central Axis is a monumental achievement of urban planning. It runs 7.8 kilometres from the "
                  "Yongding Gate in the south to the Drum Tower and Bell Tower in the north, and has ordered the "
                  "layout of Beijing since the Yuan dynasty."),
        ],
    },
    "bse/milestone-2024.pdf": {
        "title": "Beijing Stock Exchange reaches 260 listed companies",
        "properties": None,
        "dateline": "China.org.cn | December 6, 2024",
        "footer": None,
        "running": "China.org.cn - Business",
        "blocks": [
            ("p", "The Beijing Stock Exchange reached a milestone on Thursday: the number of its listed companies rose "
                  "to 260, and their combined market value approached 700 billion yuan (96.36 billion US dollars)."),
            ("p", "The exchange began trading in late 2021 as the third stock exchange on the Chinese mainland, beside "
                  "those of Shanghai and Shenzhen, to ease the long-standing difficulty small and medium-sized "
                  "companies have in raising money."),
            ("h", "Specialised and innovative firms"),
            ("p", "Its growth has come largely from specialised and innovative small firms, which the country sees as "
                  "key to industrial upgrading, technological innovation and stable supply chains. More than half of "
                  "the companies listed on the exchange are such firms."),
            ("break", None),
            ("p", "At the recent Financial Street Forum, the exchange, the National Equities Exchange and Quotations "
                  "and the Ministry of Industry and Information Technology signed an agreement to improve the "
                  "financing services for these firms and to join up the policies on listing and financing."),
        ],
    },
    "national/rd-spending-plan-2021.pdf": {
        "title": "China to raise R&D spending by more than 7 percent a year",
        "properties": None,
        "dateline": "Date: 2021-03-08 Source: China Daily",
        "footer": None,
        "blocks": [
            ("p", "China will speed up self-reliance in science and technology during the 14th Five-Year Plan "
                  "period (2021-25), officials of the National Development and Reform Commission said at a news "
                  "conference on Monday."),
            ("h", "Spending"),
            ("p", "The country's spending on research and development will grow by more than 7 percent a year, "
                  "said Ning Jizhe, deputy head of the commission."),
            ("p", "Total R&D spending reached 2.44 trillion yuan last year, 2.4 percent of GDP, a record and the "
                  "second highest in the world, said Hu Zucai, deputy director of the commission. At 7 percent a "
                  "year it will reach 3.76 trillion yuan by 2025."),
            ("h", "Basic research"),
            ("p", "The share of basic research in R&D spending is to rise to more than 8 percent by 2025, "
                  "from 6.16 percent in 2020."),
            ("p", "The plan has three priorities:"),
            ("li", "national laboratories and science facilities;"),
            ("li", "international and national science centres;"),
            ("li", "innovation platforms and demonstration projects."),
        ],
    },
    "national/work-report-2021.pdf": {
        "title": "Innovation and modernisation top the government agenda",
        "properties": ("China Daily", datetime(2021, 3, 6)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "China will pursue innovation-driven development in the next five years and strengthen its "
                  "research capability, according to government reports released on Friday."),
            ("p", "Artificial intelligence, quantum information and brain science will receive more support, and "
                  "Beijing, Shanghai and the Guangdong-Hong Kong-Macao Greater Bay Area are to become global "
                  "science and innovation hubs."),
            ("h", "Last year's breakthroughs"),
            ("p", "Premier Li Keqiang listed the breakthroughs of 2020 in the government work report: the Tianwen-1 "
                  "Mars mission, the Chang'e-5 lunar mission and the Fendouzhe deep-sea submersible."),
            ("table", "Table 1: Other achievements of 2020"),
            ("row", ("Project", "Field")),
            ("row", ("FAST telescope", "astronomy")),
            ("row", ("Beidou-3", "satellite navigation")),
            ("row", ("Jiuzhang", "quantum computing")),
        ],
    },
    "national/work-report-2025.pdf": {
        "title": "Technology in the 2025 government work report",
        "properties": None,
        "dateline": None,
        "footer": "Published 2025-03-06 by Geopolitechs",
        "blocks": [
            ("p", "Premier Li Qiang delivered the government work report on March 5. It reviews 2024 and sets the "
                  "tasks of 2025."),
            ("h", "1. Achievements in 2024"),
            ("p", "The added value of high-tech manufacturing grew 8.9 percent and of equipment manufacturing "
                  "7.7 percent. China produced more than 13 million new energy vehicles."),
            ("p", "The Chang'e-6 mission brought back the first samples from the far side of the Moon, and the "
                  "value of technology contracts rose 11.2 percent."),
            ("h", "2. Tasks for 2025"),
            ("p", "The core industries of the digital economy should reach about 10 percent of GDP. The report "
                  "calls for new quality productive forces suited to local conditions and a modern industrial "
                  "system, with emerging industries such as commercial spaceflight, BeiDou applications and new "
                  "energy storage."),
        ],
    },
    "driving/zone-expansion-2024.pdf": {
        "title": "Beijing to expand autonomous driving zone to 600 sq km",
        "properties": ("China Daily", datetime(2024, 4, 19)),
        "dateline": None,
        "footer": "chinadaily.com.cn",
        "blocks": [
            ("p", "Beijing plans to expand its High-Level Autonomous Driving Demonstration Zone to 600 square "
                  "kilometres in June, nearly 4 percent of the city's total area, a senior official said."),
            ("p", "Mayor Yin Yong announced the plan at a recent news conference on the city's high-quality "
                  "development. New energy vehicles and automated driving, he said, are two key forces of smart "
                  "transport that can change how people travel and how cities are governed."),
            ("h", "Vehicle and road together"),
            ("p", "Single-vehicle autonomous driving is advancing fast but remains costly, and its link to the "
                  "intelligence of the city is weak, Yin said. That is why Beijing took the lead three years ago in "
                  "following the vehicle-infrastructure cooperation route."),
            ("h", "From 60 to 600 square kilometres"),
            ("p", "Construction of the zone began in 2020 in the Beijing Economic-Technological Development Area, "
                  "or Beijing E-Town, in Daxing district. The zone will take in parts of Tongzhou and Shunyi "
                  "districts."),
            ("table", "Table 1: Area of the demonstration zone"),
            ("row", ("Stage", "Area (sq km)")),
            ("row", ("First phase", "60")),
            ("row", ("Today", "160")),
            ("row", ("From June 2024", "600")),
            ("p", "More than 800 intelligent vehicles have driven in the zone so far, and 29 companies testing "
                  "vehicles have been issued road test plates. The cumulative autonomous test mileage in the zone "
                  "is close to 30 million kilometres."),
        ],
    },
    "space/rocket-street-conference-2026.pdf": {
        "title": "'Beijing Rocket Street': a launchpad for faster development",
        "properties": None,
        "dateline": "By Yang Cheng and Guo Yanqi | China Daily | Updated: 2026-01-26 09:23",
        "footer": None,
        "blocks": [
            ("p", "Beijing E-Town has rolled out projects and shared infrastructure for the commercial aerospace "
                  "industry, which officials say will help private companies cut costs, speed up satellite and "
                  "rocket production and work together more closely."),
            ("p", "At a conference in the area on Friday, the authorities unveiled nine major production-capacity "
                  "projects, six satellite programmes and six industrial platforms under the Beijing Rocket "
                  "Street initiative."),
            ("h", "A fast-growing sector"),
            ("p", "In 2025 China carried out 50 commercial space launches, more than half of all its missions that "
                  "year, and put 311 commercial satellites into orbit, 84 percent of the total."),
            ("p", "Commercial aerospace now covers the whole industrial chain, from research and development to "
                  "launches, tracking and control and downstream applications, said Zhang Rusheng, deputy director "
                  "of the commercial aerospace department of the China National Space Administration."),
            ("h", "Shared infrastructure"),
            ("p", "Fragmented resources and repeated investment in test facilities weigh on private companies, so "
                  "Beijing's answer is shared infrastructure. The Rocket Street project covers 145,000 square "
                  "metres and is described as China's first shared research and production base for commercial "
                  "aerospace."),
        ],
    },
    "hydrogen/hydrogen-vehicles-2021.pdf": {
        "title": "China's Beijing to promote hydrogen fuel cell vehicles",
        "properties": None,
        "dateline": None,
        "footer": "Published 2021-08-19 by Argus Media",
        "blocks": [
            ("p", "Beijing is promoting hydrogen fuel cell vehicles in response to the country's carbon reduction "
                  "targets. The city is on course for 3,000 hydrogen vehicles on the road and 37 hydrogen "
                  "refuelling stations by the end of 2023, and expects more than 10,000 hydrogen vehicles by 2025."),
            ("h", "Demand and output"),
            ("p", "The city government expects the plan to raise demand for hydrogen to 135 tonnes a day by 2025, "
                  "from 50 tonnes a day in 2023."),
            ("p", "China produced 664 hydrogen fuel cell vehicles in January-July, 48.5 percent more than a year "
                  "earlier, according to the China Association of Automobile Manufacturers."),
            ("p", "China's hydrogen demand is forecast to reach 60 million tonnes by 2050, 10 percent of the "
                  "country's energy consumption, according to the China Hydrogen Alliance."),
            ("h", "Sinopec"),
            ("p", "The state-controlled oil company Sinopec aims to build 1,000 hydrogen refuelling stations by "
                  "2025."),
        ],
    },
    "air/annual-2022.pdf": {
        "title": "Beijing's key air pollution measure hits record low",
        "properties": ("Caixin", datetime(2023, 1, 4)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "Beijing's annual average concentration of PM2.5 fell to 30 micrograms per cubic metre last "
                  "year, the lowest since records began in 2013, according to the city's environmental watchdog."),
            ("p", "It was only the second time that the reading met the national standard of at most 35 "
                  "micrograms, the Beijing Municipal Ecology and Environment Bureau said in a statement on "
                  "Wednesday. The first time was in 2021."),
            ("p", "The reading is still far above the 5 micrograms the World Health Organization recommends."),
            ("h", "Good days"),
            ("p", "The capital had 286 days rated excellent or good last year, slightly fewer than the 288 of 2021."),
        ],
    },
    "biomed/action-plan-2024.pdf": {
        "title": "Beijing sets out three-year plan for pharmaceutical and health innovation",
        "properties": ("Beijing Municipal Science and Technology Commission", datetime(2024, 6, 6)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "Beijing has issued an action plan to speed up collaborative innovation in medicine and health "
                  "from 2024 to 2026, the third round of such plans, Zhang Jihong, director of the Beijing "
                  "Municipal Science and Technology Commission, told a news conference on June 6."),
            ("h", "Where the industry stands"),
            ("p", "The industry's revenue reached 976.1 billion yuan in 2023, and its fixed asset investment "
                  "12.46 billion yuan, more than four times that of 2018. Fifty companies have been listed in six "
                  "years, more than in all the years before, for 84 in all."),
            ("table", "Table 1: Approved for the market"),
            ("row", ("Product", "Number")),
            ("row", ("Innovative medical devices", "50")),
            ("row", ("AI class III medical devices", "31")),
            ("row", ("Innovative drugs", "14")),
            ("h", "Targets for 2026"),
            ("li", "5 to 8 scientific discoveries and technological breakthroughs that lead the world;"),
            ("li", "a total industry scale of 1.25 trillion yuan;"),
            ("li", "operating revenue of the pharmaceutical industry above 240 billion yuan;"),
            ("li", "one or two research-oriented hospitals and more than 10,000 professionals."),
            ("p", "The plan lists 34 key tasks, from national laboratories and research quality to industrial "
                  "support and digital empowerment."),
        ],
    },
    "zones/plan-2-0-2023.pdf": {
        "title": "New plan to open up the service sector further",
        "properties": None,
        "dateline": None,
        "footer": "Beijing Review | By Chen Chunyou | 7 December 2023",
        "blocks": [
            ("p", "The State Council announced a new plan on November 23 to open the service sector wider. Plan 2.0 "
                  "follows a policy of 2020, when Beijing became China's first integrated national demonstration "
                  "zone for opening up the service sector."),
            ("p", "Vice Minister of Commerce Ling Ji told a news briefing that a new round of pilot measures in the "
                  "demonstration zone will help it align with international economic and trade rules. Plan 2.0 will "
                  "launch 170 pilot measures, far more than before."),
            ("h", "Eleven pilot regions"),
            ("p", "Since 2015 China has chosen 11 provinces and cities for comprehensive pilot programmes to open up "
                  "the service industry. In the first three quarters of 2023 their service industries added 13.2 "
                  "trillion yuan of value, 69.7 percent of their GDP, said Zhu Bing, director of the department of "
                  "foreign investment administration at the Ministry of Commerce."),
            ("h", "Key areas"),
            ("p", "The plan deepens reform along whole industrial chains in these areas:"),
            ("li", "telecommunications and the digital economy;"),
            ("li", "healthcare;"),
            ("li", "finance;"),
            ("li", "culture and education;"),
            ("li", "professional services."),
            ("p", "Beijing will be supported in building an international information industry and digital trade port "
                  "and in taking part in setting international rules for the digital field."),
        ],
    },
    "zones/five-years-2025.pdf": {
        "title": "Beijing gives a five-year report card on its \"two zones\"",
        "properties": None,
        "dateline": "China.org.cn | June 13, 2025",
        "footer": None,
        "running": "China.org.cn - Beijing's \"two zones\" at five",
        "blocks": [
            ("p", "Beijing has made strong progress in opening up and institutional reform over the past five years "
                  "through its \"two zones\" initiative, city officials said on Monday."),
            ("p", "The initiative, Beijing's pilot free trade zone together with the national comprehensive "
                  "demonstration zone for opening up the service sector, has made the capital a national testing "
                  "ground for reform. Since its launch the city has put into effect more than 70 pioneering national "
                  "policies, promoted more than 80 innovative practices across the country and extended 120 reforms "
                  "across the capital."),
            ("h", "First-of-their-kind policies"),
            ("p", "Beijing introduced tax incentives for technology transfer and quicker certification for high-tech "
                  "enterprises. It piloted the country's first transfers of shares in venture capital and private "
                  "equity funds and encouraged foreign companies to set up research centres."),
            ("p", "The service sector was opened further with the country's first list of recognised international "
                  "professional qualifications and a platform for Belt and Road cooperation. A negative list for "
                  "data leaving the country and a package of measures easing cross-border data transfers made the "
                  "city a national leader in data governance."),
            ("h", "Foreign investment"),
            ("p", "The city attracted 66.18 billion US dollars of foreign investment in actual use over the five "
                  "years, 8.4 percent of the national total. More than 90 percent of it went into the service "
                  "sector."),
            ("p", "The free trade zone's share of Beijing's foreign investment has grown from under 10 percent at its "
                  "launch to over 20 percent today, said Lu Huiling, a spokesperson for the municipal commerce "
                  "bureau."),
            ("h", "Finance"),
            ("p", "Finance has been a pillar of the initiative. It made up nearly 40 percent of the foreign "
                  "investment in actual use, and more than 60 foreign financial institutions have opened in the city "
                  "since 2020."),
            ("break", None),
            ("h", "Version 2.0"),
            ("p", "In 2024 the city carried out the second version of its plan for the demonstration zone, approved "
                  "by the State Council in November 2023, and completed more than 80 percent of its tasks within a "
                  "year. It was among the first pilot cities allowed to open value-added telecommunications and "
                  "healthcare further."),
            ("p", "The country's first foreign-funded enterprise for human genetic diagnosis and gene therapy was set "
                  "up in Beijing, and the city began building the country's first pilot zone for supplying drugs for "
                  "rare diseases."),
            ("h", "Next steps"),
            ("p", "The city will keep aligning its rules with high international standards. Over the next five years "
                  "it plans to deepen opening-up in the digital economy, biomedicine, finance and professional "
                  "services, and to make cross-border trade and investment easier."),
            ("p", "It will also work with Tianjin and Hebei to link the three free trade zones of the region and "
                  "share their innovative practices."),
        ],
    },
    "subcentre/cultural-opening-2023.pdf": {
        "title": "Library, museum and theatre open in Tongzhou",
        "properties": ("China Daily", datetime(2023, 12, 28)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "A library, a museum and an arts centre opened to the public on Wednesday afternoon in Beijing's "
                  "sub-centre Tongzhou."),
            ("p", "Building of the three facilities, the Beijing Performing Arts Center, the Beijing Library and the "
                  "Grand Canal Museum of Beijing, began in October 2019."),
            ("p", "Yin Yong, mayor of Beijing, said at the opening ceremony that the facilities would let people "
                  "enjoy the best cultural products and services."),
            ("h", "The library"),
            ("p", "Near the library's north gate, readers can talk with Tuyueyue, a robot librarian powered by "
                  "artificial intelligence, the first such robot in a Chinese library. The library has four robots "
                  "that lend and take back books, answer questions, guide tours and disinfect the building, said Xie "
                  "Peng, its deputy operator."),
            ("p", "Its glass curtain walls are 16 metres high, and its automated storage and retrieval system, the "
                  "largest in China, covers about 3,000 square metres."),
            ("h", "The arts centre"),
            ("p", "The Beijing Performing Arts Center, called a \"cultural granary\", takes its form from old grain "
                  "silos and the boats of Tongzhou. It has a construction area of 125,000 square metres."),
        ],
    },
    "fiveg/national-ict-plan-2021.pdf": {
        "title": "National plan sets 26 5G base stations per 10,000 people by 2025",
        "properties": None,
        "dateline": "Date: 2021-11-16 Source: Ministry of Industry and Information Technology",
        "footer": None,
        "blocks": [
            ("p", "The Ministry of Industry and Information Technology has issued the information and communications "
                  "industry development plan for the 14th Five-Year Plan period, with the main targets of the "
                  "industry for 2021-2025."),
            ("h", "Targets for 2025"),
            ("li", "26 5G base stations for every 10,000 people;"),
            ("li", "more than 3.6 million 5G base stations across the country;"),
            ("li", "gigabit optical networks and 5G built together, and 5G used at scale."),
            ("h", "Where things stand"),
            ("p", "By the end of September 2021, 1.195 million 5G base stations had been built in China, the "
                  "ministry said. At least 2.445 million more will be built in the next four years, about 600,000 a "
                  "year."),
            ("p", "The plan also supports deep 5G coverage in industry, power grids and ports."),
        ],
    },
    "metro/three-lines-2024.pdf": {
        "title": "Beijing adds three subway lines to its rail network",
        "properties": ("China Daily", datetime(2024, 12, 16)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "With three new subway lines opened on Sunday, Beijing's urban rail network has grown to 879 "
                  "kilometres, the longest in China."),
            ("p", "The new lines ease traffic in the city's central areas and support the areas along their routes, "
                  "said Wu Yulan, deputy director of the rail transit operation management bureau of the Beijing "
                  "Municipal Commission of Transport."),
            ("h", "The new lines"),
            ("li", "the first phase of Line 3, from Dongsi Shitiao to Dongbabei;"),
            ("li", "Line 12, from Sijiqing Qiao to Dongbabei;"),
            ("li", "the rest of the southern extension of the Changping Line."),
            ("p", "Together they add about 43 km to the network, the commission said."),
            ("p", "Since its first subway line, Line 1, opened in 1969, the capital has built a network of 29 lines "
                  "and 522 stations."),
        ],
    },
    "water/five-billion-2018.pdf": {
        "title": "Five billion cubic meters of diverted water for Beijing",
        "properties": None,
        "dateline": None,
        "footer": "china.org.cn | 2018-05-11 | Editor: Li Xiao",
        "blocks": [
            ("p", "By May 8, 2018, a total of five billion cubic meters of water had been transferred to Beijing "
                  "since the South-to-North Water Diversion project began operating in 2008, the project's "
                  "Beijing office said."),
            ("table", "Table 1. Where the transferred water went"),
            ("row", ("Local waterworks", "3.51 billion cubic meters")),
            ("row", ("Reservoirs (Shisanling, Huairou, Miyun) and emergency sources", "940 million cubic meters")),
            ("row", ("Local rivers and lakes", "550 million cubic meters")),
            ("p", "The water has raised Beijing's water resources per person from 100 cubic meters to 150 cubic "
                  "meters and improved the water's quality, benefiting more than 11 million residents. It has "
                  "also done much for water conservation and for the ecological environment around it."),
            ("h", "The second phase"),
            ("p", "Begun around December 2014, the second phase has built 200 km of pipelines to carry the water, "
                  "built or renovated seven waterworks and added 50 million cubic meters of storage. Every year the "
                  "Danjiangkou Reservoir, on the border of Hubei and Henan provinces, has supplied Beijing with "
                  "1.05 billion cubic meters of water on average."),
            ("h", "The third phase"),
            ("p", "By 2020 the third phase is to improve the supply system further and, with 1.5 billion cubic "
                  "meters of transferred water a year, link the rivers and lakes of the Beijing-Tianjin-Hebei "
                  "region more closely."),
            ("p", "Once it is complete, the project will secure the water supply of key areas: Beijing's "
                  "sub-center, the new airport and the new districts of Fangshan, Daxing and Mentougou."),
        ],
    },
    "museum/visits-2018.pdf": {
        "title": "Palace Museum hosts over 17.5 million visits in 2018",
        "properties": None,
        "dateline": "Xinhua | 1 January 2019",
        "footer": None,
        "blocks": [
            ("p", "More than 17.5 million people paid to visit the Palace Museum, also known as the Forbidden City, "
                  "in 2018, the museum announced on Monday."),
            ("p", "No museum in the world has more visitors."),
            ("h", "The daily limit"),
            ("p", "To prevent overcrowding in the peak season, the museum has let in no more than 80,000 visitors a "
                  "day since June 2015, against more than 100,000, or even 180,000, a day before."),
            ("h", "A new walk along the moat"),
            ("p", "To improve the visit and ease the crowds at the exits, the museum opens the area between its "
                  "northern Gate of Divine Prowess (Shenwu) and its eastern Gate of East Glory (Donghua) from "
                  "January 1, 2019."),
            ("p", "Visitors can then take in the scenery along the moat between the two gates, and the overflow of "
                  "visitors will put less pressure on the exits."),
        ],
    },
    "marathon/kisorio-2019.pdf": {
        "title": "Kenyan runner Mathew Kisorio wins Beijing Marathon",
        "properties": None,
        "dateline": None,
        "footer": "Xinhua/CGTN Published: 2019-11-03 10:05:47",
        "blocks": [
            ("p", "At the 2019 Beijing Marathon, 30,000 runners set off from Tian'anmen Square on a rainy Sunday and "
                  "ran through the west and north of the city to the finish at Celebration Square, in the middle of "
                  "the Scenic Boulevard of the Beijing Olympic Park."),
            ("p", "Kenyan runner Mathew Kipkoech Kisorio broke the men's course record with 2:07:06."),
            ("p", "The 30-year-old ran alone over the last 10 kilometers of the 42.195km race and took 10 seconds off "
                  "the course record of 2:07:16, set in 2013."),
            ("h", "The women's race"),
            ("p", "Sutume Asefa Kebede of Ethiopia won the women's race in 2:23:31. Li Zhixuan, a local runner, was "
                  "second in 2:29:06, and Mulu Seboka Seyfu of Ethiopia third in 2:29:09."),
        ],
    },
    "ageing/beds-2016.pdf": {
        "title": "Beijing to have 150,000 beds for seniors by 2020",
        "properties": None,
        "dateline": "By Hu Yongqi | chinadaily.com.cn | Updated: 2016-01-24 14:22",
        "footer": None,
        "columns": 2,
        "blocks": [
            ("p", "Beijing's nursing homes will have 150,000 beds for seniors by 2020, to keep up with the ageing of "
                  "its population, officials said on Sunday."),
            ("p", "Today 449 nursing homes look after the elderly with 98,888 beds, and 108 more homes with 24,342 "
                  "beds are being built, the Office for Seniors of Beijing said. Over the next five years the number "
                  "is to grow by 25 percent on the end of last year."),
            ("p", "More than 3.21 million people in the city are over 60, and 500 more join them every day. By 2020 "
                  "the capital will have about 4 million, the Beijing Bureau of Civil Affairs said."),
            ("h", "Better homes, not more"),
            ("p", "Li Wanjun, director of the Beijing Bureau of Civil Affairs, said the government would make "
                  "nursing homes work better for the elderly rather than build more of them."),
            ("p", "The city is also promoting care at home, where the elderly get help from their community and "
                  "from professionals with food and medical services. The law behind it took effect on May 1 last "
                  "year."),
            ("p", "Last year the city spent 44 million yuan ($6.8 million) in eight districts on bringing food to "
                  "seniors who could not buy it or cook for themselves, the Office for Seniors said."),
            ("h", "Medical services"),
            ("p", "Geng Yutian, deputy director of the Beijing Municipal Commission of Health and Family Planning, "
                  "said 410 nursing homes could now give medical services, and about half of all nursing homes must "
                  "do so by 2017."),
            ("p", "The Beijing Bureau of Civil Affairs will also try out lifts in old buildings where the elderly "
                  "live: buildings of fewer than six floors usually have none."),
        ],
    },
    "ageing/rural-2024.pdf": {
        "title": "Beijing to open 31 rural eldercare centers this year",
        "properties": None,
        "dateline": None,
        "footer": "china.org.cn | October 11, 2024",
        "blocks": [
            ("p", "This year Beijing will set up 31 eldercare service centers in its rural areas, under a new set of "
                  "policies to improve care for seniors issued ahead of the Double Ninth Festival, the traditional "
                  "day of respect for the old."),
            ("p", "The policy document asks for mutual-aid care in the villages and a rural care system of township "
                  "service centers and nursing homes, eldercare stations and neighborhood mutual-aid spots. It also "
                  "favours care at home, and chains and delivery services that bring meals to the elderly."),
            ("h", "A township kitchen"),
            ("p", "Zhenzhuquan township, the most thinly populated township in Beijing, has many old residents. In "
                  "May it opened a meal service center that cooks in a central kitchen and delivers through 16 "
                  "distribution points; village volunteers carry meals to those who cannot walk far, said Zhou Yin, "
                  "the township's first secretary."),
            ("p", "Each elderly person pays 300 yuan a month. Compared with dining rooms run by each village, the "
                  "center costs 47.93 percent less a month per person."),
            ("table", "Rural eldercare in Beijing"),
            ("row", ("Institutions", "326")),
            ("row", ("Stations", "674")),
            ("row", ("Mutual-aid spots", "807")),
        ],
    },
    "charging/wukesong-2020.pdf": {
        "title": "Capital leads the rest in building new facilities",
        "properties": None,
        "dateline": "Release Date:2020-06-03 17:22:59     Source:China Daily     Author:Zheng Xin",
        "footer": None,
        "blocks": [
            ("p", "Beijing is speeding up the building of charging piles across the city, as China seeks to "
                  "promote electric vehicles and the industries around them."),
            ("p", "The largest central charging station for electric vehicles in the capital, in the underground "
                  "car park of the Wukesong area, went into use on May 15. With 200 charging piles it will "
                  "charge 1,300 vehicles a day, said State Grid Beijing Electric Power Co, which runs it."),
            ("p", "The station will also serve the Beijing 2022 Winter Olympic Games."),
            ("h", "Toward Chongli"),
            ("p", "This year the company will put charging piles across the city, above all along the "
                  "Beijing-Chongli expressway, which links the capital with Chongli district of Zhangjiakou, "
                  "Hebei province, where most of the snow events of Beijing 2022 will be held."),
            ("p", "The capital now has more than 205,100 charging piles, more than any other city in China. In "
                  "2019 they gave electric vehicles about 1.20 billion kilowatt-hours, which saved 1.72 million "
                  "metric tons of carbon dioxide."),
            ("p", "The company has also built charging for the more than 10,000 electric buses and taxis in "
                  "Beijing."),
        ],
    },
    "renewal/qianmen-2019.pdf": {
        "title": "A lot done, more to do: renovations continue in old Beijing",
        "properties": None,
        "dateline": "China Daily | Updated: 2019-09-29",
        "footer": None,
        "running": "chinaservicesinfo.com - Renovations continue in old Beijing",
        "blocks": [
            ("p", "The renovation of Beijing's old downtown neighborhoods has given residents better homes and "
                  "kept the cultural heritage at the same time."),
            ("p", "The east area of Qianmen, on the south side of Tiananmen Square, has dealt with overcrowding "
                  "and poor infrastructure and surroundings, and is now one of the best examples of the capital's "
                  "efforts to rebuild the area."),
            ("p", "But its old hutongs still need further work, and more commerce to bring them to life, said Li "
                  "Jun, general manager of Tianjie Group, which is in charge of the development. Li spoke on "
                  "Saturday to Chinese and foreign journalists on a reporting tour for the 70th anniversary of the "
                  "People's Republic of China."),
            ("h", "Six centuries of history"),
            ("p", "The Qianmen area has a history of more than six centuries. Its eastern part, more than 50 "
                  "hectares, is known for its narrow hutongs, but it also had buildings in danger of collapse, "
                  "old water and electricity lines and too many people."),
            ("p", "\"Whenever it rained, the hutongs filled with puddles. The narrow lanes were crammed with coal "
                  "sheds and old bikes,\" said Sun Zhenxi, a resident."),
            ("break", None),
            ("h", "The renovation"),
            ("p", "The renovation began in 2014. On Xidamochang Street, about 1,100 meters long, famous architects "
                  "were invited to repair the buildings and redesign some of the old courtyards, Li said."),
            ("p", "The Sanlihe River, dug in the Ming Dynasty (1368-1644) and filled in during the Qing Dynasty "
                  "(1644-1911), was dredged again and restored."),
        ],
    },
    "parks/fifth-ring-2012.pdf": {
        "title": "Suburban parks give Beijing a 'green shield', but need more work",
        "properties": None,
        "dateline": "(China Daily) Updated: 2012-12-19 07:48",
        "footer": None,
        "columns": 2,
        "blocks": [
            ("p", "The ring of suburban parks built over the past five years gives Beijing a \"green shield\", but more "
                  "work is needed before residents find them attractive, a senior official said."),
            ("p", "There are now 81 parks along the capital's Fifth Ring Road, covering 5,406 hectares, according to "
                  "the Beijing Municipal Bureau of Landscape and Forestry."),
            ("p", "\"Because of the amount of work involved, the parks do not look as good as we expected, building "
                  "their facilities lags behind, and the range of tree species is limited,\" said Lan Bincai, director "
                  "of greenbelt construction with the bureau."),
            ("p", "The parks have received 22.3 million visits between them, but not all of them have streetlights, "
                  "benches, toilets, litter bins, canteens, fitness equipment or shelters from the weather."),
            ("p", "Entry to the parks is free, Lan said. The suburban green areas are much larger than other city "
                  "parks and are meant for leisure in nature."),
            ("h", "More species"),
            ("p", "\"Green coverage is at least 90 percent in every suburban park, and tall trees cover more than 70 "
                  "percent of the parks,\" he said."),
            ("p", "Rather than remaking the existing greenbelt, Lan suggested keeping the forests as they are and "
                  "adding more than 100 species of plants, among them cloves, flowering peach, Chinese ash, Chinese "
                  "pine and Chinese scholar tree."),
            ("p", "\"The poplars, pagoda trees and parks around the capital will help reduce the pollution that so "
                  "often turns the sky gray,\" said Ma Jun, director of the Institute of Public and Environmental "
                  "Affairs."),
        ],
    },
    "parks/green-2024.pdf": {
        "title": "Beijing to expand green space coverage",
        "properties": ("People's Daily Online", datetime(2024, 1, 30)),
        "dateline": None,
        "footer": "en.people.cn",
        "blocks": [
            ("p", "BEIJING, Jan. 30 (Xinhua) -- Beijing will add more green space in 2024, with the aim that 91 percent "
                  "of residents have parks and small green areas within 500 meters of home, according to a recent "
                  "work conference of the Beijing Municipal Forestry and Parks Bureau."),
            ("p", "This year the city plans to afforest 10,000 mu (666.67 hectares) and to add another 200 hectares of "
                  "urban green space, said Gao Dawei, head of the bureau. Beijing will strive to become a garden city "
                  "nestled in forests, he said."),
            ("li", "15 leisure parks and urban forests will be added in 2024."),
            ("li", "50 pocket parks and small green areas will be added in 2024."),
            ("p", "Beijing now has 1,065 parks of various kinds, and green space per resident measures 16.9 square "
                  "meters."),
            ("p", "By the end of last year, forest coverage in Beijing had reached 44.9 percent and urban afforestation "
                  "coverage 49.8 percent. The city's forests and urban green spaces take up 9.2 million tonnes of "
                  "carbon a year."),
        ],
    },
    "greatwall/tencent-2017.pdf": {
        "title": "From clicks to bricks as Tencent helps rebuild the Great Wall",
        "properties": None,
        "dateline": "By He Wei in Shanghai (China Daily) Updated: 2017-08-17 08:49",
        "footer": None,
        "running": "chinadaily.com.cn - From clicks to bricks",
        "blocks": [
            ("p", "Internet conglomerate Tencent Holdings Ltd has started a program to preserve and rebuild parts of "
                  "the Great Wall and to spread the charm of the world heritage site."),
            ("p", "The company announced in late July that it would help preserve the Jiankou Great Wall, one of the "
                  "sections in danger, in Huairou district of Beijing. Tencent works under the China Foundation for "
                  "Cultural Heritage Conservation, to which it donated 20 million yuan ($2.99 million) in 2016."),
            ("p", "Tencent promotes the work through its social networking platforms, using its technology to make "
                  "the program attractive to younger people."),
            ("break", None),
            ("h", "Guardians of the wall"),
            ("p", "Three animated characters, standing for parts of the Great Wall in Hebei and Shanxi provinces, tell "
                  "the wall's stories and history on Tencent's animation platform."),
            ("p", "\"They are designed to stir young people's love for the country,\" said Gu Xiaojie, president of "
                  "the China Foundation for Cultural Heritage Conservation."),
            ("p", "King of Glory, Tencent's popular mobile e-sports game, pledged money to restore the Jiankou Great "
                  "Wall, and will promote the work on WeChat, in videos and through new game characters, among them "
                  "Great Wall guardians."),
            ("p", "\"We make full strides to conserve the appearance and the spirit of this architectural miracle of "
                  "China,\" said Cheng Wu, vice-president of Tencent."),
        ],
    },
    "greatwall/badaling-summer-2019.pdf": {
        "title": "Beijing Great Wall will continue to be great thanks to new visitor limits",
        "properties": ("Xinhua", datetime(2019, 8, 4)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "Aerial photo taken on April 2, 2019 shows the Badaling section of the Great Wall in Yanqing District "
                  "of Beijing. (Xinhua/Ju Huanzong)"),
            ("p", "BEIJING, Aug. 4 (Xinhua) -- The crowds have gone from the famous Badaling section of the Great Wall "
                  "since it began limiting visitors to 65,000 a day on June 1, to keep both the relics and the "
                  "tourists safe."),
            ("p", "By the end of July the Badaling Great Wall had received more than 2.23 million visitors this year "
                  "and had issued four red alerts for overcapacity, according to the authorities of the scenic area."),
            ("p", "In the peak season visitor numbers usually reached the limit on Mondays, when the museums downtown "
                  "are closed, setting off a red alert."),
            ("h", "Warnings"),
            ("li", "Yellow warning: 39,000 visitors."),
            ("li", "Orange warning: 52,000 visitors."),
            ("li", "Red warning: 65,000 visitors."),
            ("p", "Visitors can find the warnings on the scenic area's website, WeChat and Weibo accounts, on LED "
                  "screens on expressways and on local traffic radio. They are advised to book on the official "
                  "ticketing system 10 days ahead in the peak season and to avoid Mondays and holidays."),
        ],
    },
    "rainstorm/record-2023.pdf": {
        "title": "Beijing records its heaviest rainfall in 140 years",
        "properties": ("Islam Times", datetime(2023, 8, 2)),
        "dateline": None,
        "footer": None,
        "blocks": [
            ("p", "\"The most rainfall recorded during this storm, 744.8 millimeters, fell at the Wangjiayuan "
                  "Reservoir in Changping,\" the Beijing Meteorological Service said, adding that it was the heaviest "
                  "rainfall in 140 years. The largest amount recorded before was 609 millimeters, in 1891."),
            ("p", "Doksuri, a former super typhoon, swept north over China after hitting the southern province of "
                  "Fujian last week. Heavy rain began on Saturday, and Beijing got nearly a whole July's average "
                  "rainfall in just 40 hours."),
            ("p", "The state broadcaster CCTV said the rains had killed at least 11 people in Beijing, two of them "
                  "workers killed on duty during rescue and relief work."),
            ("h", "Neighbouring provinces"),
            ("li", "Hebei: more than 800,000 people evacuated, nine killed and six missing."),
            ("li", "Liaoning: two deaths over the weekend."),
            ("p", "President Xi Jinping on Tuesday called for every effort to rescue those lost or trapped by the rains."),
        ],
    },
}


def lines(text: str, font: str, size: float, width: float) -> list[str]:
    out, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, font, size) > width and line:
            out.append(line)
            line = word
        else:
            line = candidate
    return out + ([line] if line else [])


def write(name: str, doc: dict) -> None:
    c = canvas.Canvas(str(OUT / name), pagesize=A4)
    c.setTitle(doc["title"])
    if doc["properties"]:
        author, when = doc["properties"]
        c.setAuthor(author)
        c.setCreator(author)
    y = HEIGHT - 80
    for line in lines(doc["title"], "Helvetica-Bold", 17, WIDTH - 2 * MARGIN):
        c.setFont("Helvetica-Bold", 17)
        c.drawString(MARGIN, y, line)
        y -= 22
    if doc["dateline"]:
        c.setFont("Helvetica", 9)
        c.drawString(MARGIN, y, doc["dateline"])
        y -= 14
    y -= 10
    page = 1
    # A bulletin set in columns ("columns": 2) fills the left column, then the right one.
    columns = doc.get("columns", 1)
    width = (WIDTH - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    top, column, x = y, 0, MARGIN
    for kind, content in doc["blocks"]:
        if y < 90 or kind == "break":
            if column + 1 < columns and kind != "break":
                column, y = column + 1, top
            else:
                y, page = turn(c, doc, page), page + 1
                top, column = y, 0
            x = MARGIN + column * (width + GUTTER)
        if kind == "h":
            y -= 4
            c.setFont("Helvetica-Bold", 12)
            c.drawString(x, y, content)
            y -= LEAD + 4
        elif kind in ("p", "li"):
            indent = 14 if kind == "li" else 0
            for n, line in enumerate(lines(content, "Helvetica", BODY, width - indent)):
                c.setFont("Helvetica", BODY)
                if kind == "li" and n == 0:
                    c.drawString(x, y, "•")
                c.drawString(x + indent, y, line)
                y -= LEAD
            y -= 0 if kind == "li" else 6
        elif kind == "table":
            y -= 4
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(x, y, content)
            y -= LEAD
        elif kind == "row":
            c.setFont("Helvetica", 9.5)
            step = 170 if columns == 1 else width / len(content)
            for i, cell in enumerate(content):
                c.drawString(x + i * step, y, cell)
            y -= LEAD - 1
    if doc["footer"]:
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, 40, doc["footer"])
    if doc.get("running"):
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, 40, f"{doc['running']}    Page {page}")
    c.save()
    if doc["properties"]:
        dated(OUT / name, doc["properties"][1])
    if doc.get("scanned"):
        scanned(OUT / name)


def scanned(path: Path) -> None:
    """The PDF rasterised (pdftoppm) and wrapped back into a PDF of images: a scan, with no text
    layer, that only OCR can read."""
    import subprocess
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), f"{folder}/page"], check=True)
        pages = [Image.open(p).convert("L") for p in sorted(Path(folder).glob("page*.png"))]
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=200)


def turn(c: canvas.Canvas, doc: dict, page: int) -> float:
    """End a page, with the running line and page number long documents repeat on every page."""
    if doc.get("running"):
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, 40, f"{doc['running']}    Page {page}")
        c.drawString(MARGIN, HEIGHT - 40, doc["running"])
    c.showPage()
    if doc.get("running"):
        c.setFont("Helvetica", 8)
        c.drawString(MARGIN, HEIGHT - 40, doc["running"])
    return HEIGHT - 80


def dated(path: Path, when: datetime) -> None:
    """Give the PDF its creation date (reportlab writes the time it ran)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.add_metadata({"/CreationDate": when.strftime("D:%Y%m%d000000")})
    with path.open("wb") as out:
        writer.write(out)


if __name__ == "__main__":
    only = sys.argv[1:]
    for name, doc in DOCUMENTS.items():
        if only and not name.startswith(tuple(only)):
            continue
        (OUT / name).parent.mkdir(parents=True, exist_ok=True)
        write(name, doc)
        print(f"wrote {OUT / name}")
