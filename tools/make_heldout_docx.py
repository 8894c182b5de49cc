"""Writes the Word files of bench/heldout (forum/, and one each in zones/, subcentre/ and fiveg/)
as offices write them in Word (headings, bulleted lists, a table), carrying their date and
publisher in the document's properties or in a dateline paragraph. The texts are summaries in our
words (see bench/heldout/README.md). Needs python-docx (in requirements.txt); the files are
committed. Names given after the command write only the files under those folders.

    python tools/make_heldout_docx.py [zones/ ...]
"""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent.parent / "bench" / "heldout"

DOCUMENTS = {
    "venues/ice-cube-ready-2020.docx": {
        "title": "Ice Cube is the first Beijing 2022 venue to be ready",
        "properties": None,
        "header": "Beijing 2022 venues | CGTN | 30 November 2020",
        "dateline": None,
        "blocks": [
            ("p", "The renovation that turns the National Aquatics Center into the \"Ice Cube\", the curling venue "
                  "of the 2022 Winter Olympics and Paralympics, has been completed, making it the first venue fully "
                  "ready for the Games."),
            ("p", "The work covered about 50,000 square meters, including waterproofing, athlete facilities, "
                  "lighting and ventilation."),
            ("p", "A shortened \"water-ice conversion\" turned the swimming pool into a curling rink with four "
                  "sheets of ice in 11 days instead of 45. The conversion materials can be used again, which "
                  "lowers the cost."),
            ("p", "As a curling arena the venue seats 4,500."),
            ("p", "The Games will use 25 competition and non-competition venues in Beijing, Yanqing and "
                  "Zhangjiakou. The Beijing competition zone, home to curling, ice hockey and skating, has these:"),
            ("table", [("Beijing competition zone", "Venues"), ("Legacy venues of the 2008 Games", "8"),
                       ("Newly built", "3"), ("Temporary", "1"), ("Total", "12")]),
            ("p", "The Wukesong Ice Sports Center, where ice hockey teams will train, was also completed last week."),
            ("p", "All the ice rinks of the Games will use carbon dioxide trans-critical direct cooling, which is "
                  "expected to save more than 40 percent of the energy a rink without it would use."),
            ("p", "The Ice Cube is expected to open to the public by the end of the year."),
        ],
    },
    "waste/three-months-2020.docx": {
        "title": "Garbage sorting yields results in Beijing",
        "properties": None,
        "dateline": "Around China · Xinhua · Updated: August 4, 2020",
        "blocks": [
            ("p", "Three months after mandatory garbage sorting began, Beijing is seeing good results, with more "
                  "waste sorted as kitchen waste, the authorities said on Monday."),
            ("table", [("Daily amount in July 2020", "Tonnes", "Change"),
                       ("Household kitchen waste", "1,764", "up 470 percent on the daily average of late April"),
                       ("Other waste", "19,960", "down 26 percent year on year")]),
            ("p", "Zhang Yan, deputy director of the city's commission of urban management, gave the figures at a "
                  "press conference."),
            ("p", "Beijing has 44 household waste treatment facilities, with a total designed treatment capacity of "
                  "32,711 tonnes a day, Zhang said."),
            ("p", "Wen Tianwu, deputy chief of the municipal comprehensive law-enforcing bureau of city "
                  "administration, said that by the end of July nearly 7,000 violations of the household garbage "
                  "sorting rules had been investigated and penalized."),
        ],
    },
    "economy/economy-2024.docx": {
        "title": "Beijing's economy in 2024",
        "properties": ("The People's Government of Beijing Municipality", datetime(2025, 3, 27)),
        "dateline": None,
        "blocks": [
            ("p", "Beijing's economy ran steadily in 2024, and the capital's high-quality development made new "
                  "progress."),
            ("p", "The city's GDP reached about 4.98 trillion yuan, 5.2 percent more than the year before. Measured "
                  "by its permanent residents, GDP per person was 228,000 yuan."),
            ("h", "People and jobs"),
            ("p", "At the end of the year the city had 21.832 million permanent residents, 26,000 fewer than a year "
                  "earlier. It added 299,000 new urban jobs, 18,000 more than the year before, and the surveyed urban "
                  "unemployment rate averaged 4.1 percent."),
            ("h", "Public finances and prices"),
            ("table", [("2024", "Total", "Change"),
                       ("General public budget revenue", "637.27 billion yuan", "up 3.1 percent"),
                       ("General public budget spending", "839.65 billion yuan", "up 5.3 percent"),
                       ("Consumer prices", "", "up 0.1 percent")]),
            ("p", "Tax and fee cuts and tax refunds that support innovation and manufacturing came to more than 150 "
                  "billion yuan."),
            ("h", "Industries"),
            ("p", "The value added of the digital economy grew 7.7 percent, and that of its core industries 10.1 "
                  "percent. High-tech industries grew 6.4 percent and strategic emerging industries 5.7 percent, and "
                  "investment in high-tech industries rose 37.2 percent."),
            ("p", "Fixed-asset investment grew 5.1 percent. Securities trading came to 23.85 trillion yuan, up 12.8 "
                  "percent."),
        ],
    },
    "axis/heritage-area-2024.docx": {
        "title": "Beijing Central Axis on UNESCO World Heritage List",
        "properties": ("Xinhua", datetime(2024, 8, 1)),
        "dateline": None,
        "blocks": [
            ("p", "UNESCO on Saturday added the Beijing Central Axis: A Building Ensemble Exhibiting the Ideal Order "
                  "of the Chinese Capital to its World Heritage List, at the 46th session of the World Heritage "
                  "Committee in New Delhi, India."),
            ("p", "China now has 59 World Heritage Sites in all."),
            ("h", "The property"),
            ("p", "The heritage area of the Central Axis covers 589 hectares, with a buffer zone of 4,542 hectares. "
                  "Its location, layout, urban form and design reflect the ancient Chinese tradition of city "
                  "planning."),
            ("p", "Its 15 components fall into five groups: imperial palaces and gardens, imperial sacrificial "
                  "buildings, ancient city management facilities, national ceremonial and public buildings, and the "
                  "remains of the central road."),
            ("table", [("From north to south", "Components"),
                       ("Northern end", "Bell and Drum Towers, Wanning Bridge, Jingshan"),
                       ("Centre", "Forbidden City, Duanmen Gate, Tian'anmen, Outer Jinshui Bridges"),
                       ("Southern end", "Zhengyangmen Gate, Southern Section Road Remains, Yongdingmen Gate")]),
            ("p", "The committee also recognised the area's continuing role as a social and political centre of "
                  "Chinese society."),
        ],
    },
    "bse/one-year-2022.docx": {
        "title": "Beijing bourse runs smoothly one year on",
        "properties": ("China Daily", datetime(2022, 11, 17)),
        "dateline": None,
        "blocks": [
            ("p", "The Beijing Stock Exchange has run smoothly in the year since it began trading and serves "
                  "innovative small and medium-sized companies better, the exchange said."),
            ("p", "Launched on Nov 15 last year, the exchange now has 123 listed companies, which have raised "
                  "26.8 billion yuan (3.8 billion US dollars). At the end of 2021 it had 82."),
            ("h", "Who is listed"),
            ("p", "Small and medium-sized firms make up 77 percent of the listed companies, and private firms "
                  "86 percent. Most work in high-end equipment, new energy, software and hardware, and new "
                  "materials, and 49 are \"little giants\", small firms that lead a niche market with advanced "
                  "technology."),
            ("table", [("January to September 2022", "Total", "Change on a year earlier"),
                       ("Operating revenue", "73.21 billion yuan", "up 33.25 percent"),
                       ("Net profit", "6.93 billion yuan", "up 19.43 percent")]),
            ("p", "More than 5.2 million investors had opened accounts by Nov 14, among them social security funds, "
                  "insurance funds and qualified foreign institutional investors."),
            ("h", "A first index"),
            ("p", "The exchange's first benchmark, the BSE 50 Index, will be launched on Nov 21. Its 50 companies "
                  "account for 71 percent of the market's value and come from 16 industries. Its base is 1,000 "
                  "points on April 29, 2022."),
            ("p", "\"The index gives all sides a tool to watch how the exchange as a whole performs,\" said Sui "
                  "Qiang, the exchange's general manager."),
        ],
    },
    "forum/forum-opens-2024.docx": {
        "title": "2024 Zhongguancun Forum opens in Beijing",
        "properties": ("Xinhua", datetime(2024, 4, 25)),
        "dateline": None,
        "blocks": [
            ("p", "The 2024 Zhongguancun Forum opened on Thursday in Beijing for a five-day session on fields "
                  "from artificial intelligence to life sciences and new materials."),
            ("p", "Themed \"Innovating for a Better World\", this year's annual conference has five major sections, "
                  "including meetings and technology trading, and nearly 120 events."),
            ("h", "Competitions and trading"),
            ("p", "The competitions in frontier fields drew more than 3,100 entries from 75 countries and regions, "
                  "and the technology trading section more than 6,000 projects from over 40 countries and regions."),
            ("h", "About Zhongguancun"),
            ("p", "The forum was founded in 2007. Zhongguancun, in north-western Beijing, is home to more than "
                  "17,000 national high-tech enterprises and was China's first national high-tech industrial "
                  "development zone."),
        ],
    },
    "forum/invest-beijing-2024.docx": {
        "title": "Deals worth 61 billion yuan signed at Invest Beijing Conference",
        "properties": None,
        "dateline": "Date: 2024-05-07 Source: International Daily News",
        "blocks": [
            ("p", "Deals worth more than 61 billion yuan (about 8.59 billion US dollars) covering 23 major projects "
                  "were signed at the Invest Beijing Conference, part of the 2024 Zhongguancun Forum, which ran "
                  "from April 25 to 29."),
            ("p", "The conference announced 231 investment projects worth about 90.22 billion yuan in these "
                  "industries:"),
            ("li", "information technology"),
            ("li", "intelligent manufacturing and integrated circuits"),
            ("li", "artificial intelligence and green energy"),
            ("p", "\"We aim to attract more high-quality projects to Beijing,\" said Wang Rui, deputy director of "
                  "the Beijing Investment Promotion Service Center."),
            ("h", "Beijing in numbers"),
            ("table", [("Item", "Number"), ("Colleges and universities", "about 100"),
                       ("Research institutes", "over 1,000"), ("High-tech enterprises", "28,200"),
                       ("Unicorn companies (end of 2023)", "114")]),
        ],
    },
    "forum/forum-2021.docx": {
        "title": "China Zhongguancun Forum 2021 launched",
        "properties": ("SPICI", datetime(2021, 9, 27)),
        "dateline": None,
        "blocks": [
            ("p", "The China Zhongguancun Forum 2021 was inaugurated on September 24 at the Zhongguancun "
                  "Technology Park, one of China's major high-tech industrial development zones."),
            ("p", "The forum is one of China's major platforms for international cooperation in science and "
                  "technology."),
        ],
    },
    "forum/forum-2020.docx": {
        "title": "Zhongguancun Forum 2020 ends",
        "properties": None,
        "dateline": "Date: 2020-09-21 Source: China Radio International",
        "blocks": [
            ("p", "The Zhongguancun Forum 2020 was held in Beijing from Thursday to Sunday, online and on site."),
            ("p", "More than 200 well-known experts and scientists, over 400 entrepreneurs and investors, more than "
                  "150 government officials and envoys and about 40 heads of international organisations and "
                  "academic institutions took part."),
            ("p", "The forum held more than 50 activities in four areas: conference, exhibition, trading and "
                  "releases. Its theme was \"Cooperation and Innovation, Meeting Challenges Together\"."),
            ("p", "Scientific and technological progress contributed 59.5 percent of China's economic growth last "
                  "year, and the 60 percent target is expected to be reached in 2020."),
        ],
    },
    "zones/three-years-2023.docx": {
        "title": "Beijing's \"two zones\" at three: nearly all tasks under way",
        "properties": ("State Council Information Office", datetime(2023, 8, 22)),
        "dateline": None,
        "blocks": [
            ("p", "Beijing's \"two zones\" initiative is about to mark its third anniversary. Wang Dongtang, director "
                  "general of the Department of Trade in Services and Commercial Services of the Ministry of Commerce, "
                  "reviewed its progress at a press conference of the State Council Information Office on Monday."),
            ("p", "Nearly 98 percent of the 251 tasks that the State Council approved for the two zones have begun, "
                  "10 special reform programmes with around 500 measures have been launched, and 40 innovative cases "
                  "have been promoted nationwide, he said."),
            ("p", "Beijing is the only city with both a national integrated demonstration zone for opening up the "
                  "service sector and a pilot free trade zone. It ranked first in the 2022 evaluation of the "
                  "demonstration zones."),
            ("h", "Technology first"),
            ("p", "The city has cut more than 80 percent of the usual procedures for high-tech enterprises, which are "
                  "approved right after registration. The first Zhongguancun Comprehensive Bonded Zone, built around "
                  "research and development, has been set up."),
            ("h", "Three years in figures"),
            ("table", [["Measure", "Figure"],
                       ["Tasks approved by the State Council", "251"],
                       ["Share of tasks begun", "nearly 98%"],
                       ["Special reform programmes", "10"],
                       ["Measures in those programmes", "around 500"],
                       ["Cases promoted nationwide", "40"]]),
        ],
    },
    "subcentre/government-moves-2019.docx": {
        "title": "Beijing municipal government officially opens in the sub-centre",
        "properties": None,
        "dateline": "Yang Zekun | China Daily | Updated: Jan 12, 2019",
        "blocks": [
            ("p", "Four key municipal bodies of Beijing have officially moved into new offices in the city's "
                  "sub-centre in Tongzhou district."),
            ("p", "More than 600 people, among them Beijing Party chief Cai Qi and Mayor Chen Jining, gathered for a "
                  "flag-raising ceremony in front of the new office buildings on the morning of January 11, marking "
                  "the start of the government's work in its new home."),
            ("h", "Who moved"),
            ("table", [["Body", "Moved"],
                       ["Beijing Municipal Committee of the Communist Party of China", "January 2019"],
                       ["Beijing Municipal People's Government", "January 2019"],
                       ["Standing Committee of the Beijing Municipal People's Congress", "January 2019"],
                       ["Beijing Municipal Committee of the CPPCC", "January 2019"]]),
            ("p", "On the evening of January 10 the nameplate on the government's old main building downtown was "
                  "taken off and handed to the archives."),
            ("p", "So far 35 municipal government departments and 165 agencies, with about 120,000 staff, have moved "
                  "their offices to the sub-centre, according to the city government."),
            ("p", "Cai said that although the bodies have moved, their work still serves the main urban areas."),
        ],
    },
    "fiveg/leads-2024.docx": {
        "title": "Beijing leads the nation in 5G base stations",
        "properties": None,
        "dateline": "Faizan Hashmi Published May 18, 2024 | 09:10 PM",
        "blocks": [
            ("p", "Beijing has built about 114,500 5G base stations as of April, 52 for every 10,000 people, the most "
                  "in China, an official said on Friday."),
            ("p", "The city is upgrading signals to improve coverage in key areas, said Su Shaolin, head of the "
                  "Beijing Communications Administration. It has the country's first plan for a 10-gigabit optical "
                  "network."),
            ("h", "Users"),
            ("table", [["Measure (April 2024)", "Figure", "Share"],
                       ["5G mobile subscribers", "21.27 million", "53.1% of mobile users"],
                       ["Gigabit broadband users", "2.54 million", "26.9% of broadband users"]]),
            ("p", "Industries have set up 862 5G virtual private networks, in education, healthcare, tourism, media, "
                  "connected vehicles and the industrial internet."),
            ("p", "Beijing has more than 22,000 internet companies, the most in the country, and ranks second in "
                  "website registration with 405,600 websites, Su said."),
            ("p", "Source: ecns, via UrduPoint"),
        ],
    },
    "water/end-2018-2019.docx": {
        "title": "Diverted water reaches 12 million Beijing residents",
        "properties": ("China SCIO", datetime(2019, 4, 3)),
        "dateline": None,
        "blocks": [
            ("p", "By the end of 2018 the South-to-North Water Diversion Project had brought Beijing 4.2 billion "
                  "cubic meters of water from the Danjiangkou Reservoir, benefiting more than 12 million people, "
                  "said Yang Jinhuai, deputy director of the Beijing Water Authority."),
            ("p", "The first phase of the project's central route began to send water to Beijing in late 2014. From "
                  "2017 to 2018 it brought the capital 1.21 billion cubic meters."),
            ("p", "Nearly 70 percent of the water went to waterworks that serve almost all of the urban areas and "
                  "parts of the suburban Daxing, Mentougou, Changping and Tongzhou districts."),
            ("h", "Reservoirs and groundwater"),
            ("p", "Since the diverted water began to arrive, the Miyun Reservoir has received 450 million cubic "
                  "meters of it. Its storage has reached a record 2.58 billion cubic meters, and its water surface "
                  "has grown by 5,000 hectares."),
            ("p", "More than 200 million cubic meters were sent to the Chaobai River to replenish the city's "
                  "groundwater, and Beijing has closed wells and pumped less groundwater year by year."),
            ("table", [("Beijing in 2018", "Figure"), ("Sites moved from well water to municipal water", "294"),
                       ("Old residential blocks with new supply pipes", "392"),
                       ("Pipelines built or upgraded", "300 kilometers"),
                       ("Residents newly on municipal water", "280,000")]),
            ("p", "Beijing's underground water level rose by 1.94 meters in 2018, to 23.03 meters, adding 990 "
                  "million cubic meters of groundwater."),
        ],
    },
    "museum/open-up-2015.docx": {
        "title": "The Forbidden City opens up",
        "properties": ("Beijing Review", datetime(2015, 11, 5)),
        "dateline": None,
        "blocks": [
            ("p", "The Palace Museum, in the Forbidden City in Beijing, marked its 90th anniversary on October 10. "
                  "Once the imperial palace of the Ming and Qing dynasties (1368-1911), it now keeps a great many "
                  "national treasures."),
            ("p", "For the anniversary it is showing rarely seen works, among them Along the River During the "
                  "Qingming Festival, a painting of the Northern Song Dynasty (960-1127) that is 528 cm long. The "
                  "shows drew long queues for tickets, and many visitors stayed until 10 p.m."),
            ("h", "More of the palace to see"),
            ("p", "Every year the museum shows the palaces as they were and holds more than 40 exhibitions of nearly "
                  "10,000 artifacts."),
            ("p", "Five new areas of the palace grounds opened this year, so that the share of the grounds open to "
                  "the public has grown from 30 percent in 2002 to 65 percent."),
            ("table", [("Open to the public", "Share of the grounds"), ("2002", "30 percent"),
                       ("2015", "65 percent")]),
            ("p", "Visitors can now walk on top of a section of the city wall and see the Southeast Corner Tower "
                  "close up, which they could only see from afar before."),
            ("p", "A digital exhibition hall just outside the southern entrance will open by the end of the year, "
                  "with virtual tours of areas and collections that are still closed."),
        ],
    },
    "marathon/about-the-race.docx": {
        "title": "About the Beijing Marathon",
        "properties": ("Wikipedia", datetime(2020, 6, 1)),
        "dateline": None,
        "blocks": [
            ("p", "The Beijing Marathon is a marathon run every year in Beijing, around October, since 1981. It was "
                  "the first international sports event held in China, the first marathon to give its places by "
                  "lottery, and the first race in China to offer the full marathon only."),
            ("p", "The Chinese Athletics Association has organized it every year since 1981. An international race "
                  "from the start, it belonged to the wider opening of China to ideas from abroad led by Deng "
                  "Xiaoping."),
            ("h", "Course and standing"),
            ("p", "The race starts at Tiananmen Square and ends in the Olympic Green. It is a Gold Label Road Race "
                  "of World Athletics, and its course is certified by AIMS, so records set on it count. It hosted "
                  "the Asian Marathon Championship in 2006."),
            ("p", "In 2009, 4,897 runners finished the race, 556 of them women. The 2014 race, on October 19, was "
                  "run in heavy smog, and many runners wore face masks."),
            ("table", [("Course record", "Time", "Year"), ("Men: Mathew Kisorio", "2:07:06", "2019"),
                       ("Women: Sun Yingjie", "2:19:39", "2003")]),
        ],
    },
    "ageing/white-paper-2018.docx": {
        "title": "The elderly are a quarter of Beijing's registered residents",
        "properties": ("Xinhua", datetime(2018, 10, 17)),
        "dateline": None,
        "blocks": [
            ("p", "About a quarter of Beijing's registered residents were over 60 at the end of 2017, says a white "
                  "paper the capital's office for senior citizens published on Monday."),
            ("p", "Their number rose from about 2.63 million in 2012 to 3.33 million at the end of 2017, 24.5 "
                  "percent of the registered population. Every day Beijing has over 500 more people aged 60 or "
                  "above, and about 120 more aged 80 or above."),
            ("p", "The office expects 3.8 million registered residents aged 60 or above by 2020."),
            ("h", "Living longer"),
            ("p", "People aged 80 or above were 3.3 percent of the population in 2012 and 4.1 percent in 2017."),
            ("table", [("Centenarians", "Number"), ("2012", "544"), ("2017", "833")]),
            ("h", "The country"),
            ("p", "China had 241 million people aged 60 or above at the end of 2017, 17.3 percent of its population. "
                  "Their number will peak at 487 million around 2050, a third of the population, according to the "
                  "Office of the National Working Commission on Aging."),
        ],
    },
    "charging/plan-2025.docx": {
        "title": "Beijing to have 700,000 charging points by 2025",
        "properties": ("Xinhua", datetime(2022, 4, 20)),
        "dateline": None,
        "blocks": [
            ("p", "Beijing will build more charging infrastructure for electric vehicles in the coming years, "
                  "bringing its charging points to 700,000 in all by 2025."),
            ("p", "The city will encourage chargers in the residential compounds across the city, said Chai "
                  "Wenzhong, an official of the Beijing municipal commission of urban management."),
            ("h", "How far to the next charger"),
            ("table", [("Area", "Nearest charging point by 2025"), ("Plain areas", "within 3 km"),
                       ("Downtown", "within 900 meters")]),
            ("p", "By the end of this year the city's urban management and planning authorities will also put "
                  "public charging for electric bikes in every residential community."),
        ],
    },
    "renewal/national-2025.docx": {
        "title": "A new urban life",
        "properties": ("China Today", datetime(2025, 11, 20)),
        "dateline": None,
        "blocks": [
            ("p", "Residents of Shanghai's narrow lanes stopped using portable toilet cubicles in September, after "
                  "the city largely finished building public toilets for the 14,082 households that lacked them. "
                  "The project began last year."),
            ("p", "Shanghai's work is part of the national drive for urban renewal. During the 14th Five-Year "
                  "Plan (2021-25), China began renovating more than 240,000 old residential communities, "
                  "benefiting 110 million people in 40 million households, the Ministry of Housing and "
                  "Urban-Rural Development said this year."),
            ("h", "What the renovated communities gained"),
            ("table", [("Added", "Number"), ("New elevators", "129,000"), ("Parking spaces", "3.4 million"),
                       ("Elderly and child care facilities", "64,000")]),
            ("p", "China is at a point where improving the urban living environment is essential, and urban "
                  "renewal is the key to high-quality urban development, said Yun Shuang, deputy director of "
                  "Tsinghua Tongheng Urban Planning and Design Institute."),
        ],
    },
    "parks/wetlands-2016.docx": {
        "title": "Beijing to expand green spaces and wetlands",
        "properties": ("Arabs Today", datetime(2016, 3, 8)),
        "dateline": None,
        "blocks": [
            ("p", "Beijing will gain 2,300 more hectares of green space over the next five years, with new parks "
                  "planned for land left behind by businesses that are moving out of the city."),
            ("p", "Deng Naiping, head of the Beijing Municipal Bureau of Landscape and Forestry, said on Tuesday that "
                  "suburban land once used by markets and logistics centers, which are moving to neighboring Hebei "
                  "Province to ease traffic and crowding in the capital, will become green belts."),
            ("p", "The capital will also use idle land to build 300 more small parks by 2020, Deng said."),
            ("h", "Wetlands by 2020"),
            ("table", [("Wetland", "Hectares"), ("New wetland in Fangshan, Daxing and Tongzhou districts", "3,000"),
                       ("Recovered from the Yongding River, Chaobai River and Guanting Reservoir", "8,000"),
                       ("Beijing in all", "54,400")]),
            ("p", "If the city reaches its target, its 54,400 hectares of wetland will be 3.3 percent of the country's "
                  "total. Beijing will also work with Hebei Province and Tianjin Municipality on wetlands."),
            ("p", "Thirty forest parks and five national wetland parks will also be added by 2020, according to Deng."),
        ],
    },
    "greatwall/jiankou-repair-2020.docx": {
        "title": "Beijing repairs 'wild Great Wall'",
        "properties": ("China Daily", datetime(2020, 4, 8)),
        "dateline": None,
        "blocks": [
            ("p", "BEIJING -- Beijing will start repairing the eastern part of the Jiankou Great Wall at the end of "
                  "April."),
            ("p", "The Jiankou section, in Huairou District, is one of the most dangerous parts of the Great Wall, "
                  "and mountain hikers call it \"the wild Great Wall\"."),
            ("p", "Zhang Tong, director of the Huairou district cultural relics office, said the repair of the Jiankou "
                  "Great Wall began at the end of 2017, and repairs over a total of 2,232 meters, including 11 towers, "
                  "have been completed."),
            ("h", "The Jiankou repairs"),
            ("table", [("Part", "Length", "Towers"), ("Completed since the end of 2017", "2,232 meters", "11"),
                       ("Eastern part, to be finished this year", "885 meters", "8")]),
            ("p", "The office has taken aerial photographs and made 3D models for the repair work."),
            ("p", "First built in the Tang Dynasty (618-907) and restored in the Ming Dynasty (1368-1644), the Jiankou "
                  "Great Wall joins the Mutianyu Great Wall to the east and the Huanghuacheng Great Wall to the west."),
            ("p", "\"The renovation aims to remove dangers to safety while keeping the section's own landscape and "
                  "character,\" Zhang said."),
        ],
    },
    "rainstorm/districts-2023.docx": {
        "title": "Heavy rainfall in Beijing kills 11, including 2 on-duty rescuers",
        "properties": ("Breaking Latest News", datetime(2023, 8, 1)),
        "dateline": None,
        "blocks": [
            ("p", "Heavy rain brought by Typhoon Doksuri has killed 11 people in Beijing, two of whom lost their lives "
                  "during rescue and relief work. The rain began on July 29 and has hit the west, southwest and south "
                  "of the city hardest, according to the Beijing Flood Control and Drought Relief Headquarters."),
            ("h", "Average rainfall by district, as of 6:00 a.m. on August 1"),
            ("table", [("District", "Millimeters"), ("Mentougou", "470.2"), ("Fangshan", "414.6"),
                       ("Shijingshan", "333.2"), ("Changping", "295.8"), ("Fengtai", "285"), ("Haidian", "279.2")]),
            ("p", "The heaviest rain in one hour fell on Qianling Mountain in Fengtai: 111.8 mm between 10:00 and "
                  "11:00 on July 31. Two stations recorded more than 700 mm in all, among them the Mentougou Alpine "
                  "Rose Garden, with 722.4 mm."),
            ("p", "A firefighter of the Haidian Fire Brigade of the Beijing Fire and Rescue Corps died during a rescue, "
                  "and a township official in Mentougou District was killed while inspecting the damage."),
        ],
    },
}


def write(name: str, spec: dict) -> None:
    doc = Document()
    doc.core_properties.title = spec["title"]
    doc.core_properties.author = spec["properties"][0] if spec["properties"] else ""
    doc.core_properties.created = spec["properties"][1] if spec["properties"] else datetime(2026, 1, 1)
    if spec.get("header"):
        # A press office's Word file may carry its date and publisher only in the page header.
        doc.sections[0].header.paragraphs[0].text = spec["header"]
    doc.add_heading(spec["title"], level=1)
    if spec["dateline"]:
        doc.add_paragraph(spec["dateline"])
    for kind, content in spec["blocks"]:
        if kind == "h":
            doc.add_heading(content, level=2)
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "li":
            doc.add_paragraph(content, style="List Bullet")
        elif kind == "table":
            table = doc.add_table(rows=0, cols=len(content[0]))
            for row in content:
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = value
    doc.save(OUT / name)


if __name__ == "__main__":
    only = sys.argv[1:]
    for name, spec in DOCUMENTS.items():
        if only and not name.startswith(tuple(only)):
            continue
        (OUT / name).parent.mkdir(parents=True, exist_ok=True)
        write(name, spec)
        print(f"wrote {OUT / name}")
