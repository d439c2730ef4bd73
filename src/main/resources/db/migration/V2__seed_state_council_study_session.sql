-- The archive's first record: the State Council's third special study session, 21 August 2023.
-- Title and body are the seed file's bytes, verbatim (curly quotes, apostrophes and the en dash included).

insert into theme (slug, name, name_zh, description, parent_id, position) values
    ('digital-economy', 'Digital economy', '数字经济',
     'The economy built on digital technology and data: its growth, its industries and its governance.', null, 1),
    ('digital-transformation-of-industries', 'Digital transformation of industries', '产业数字化转型',
     'Digitisation, networking and intelligence in traditional industries.', null, 2),
    ('innovation-and-talent', 'Innovation and talent', '创新与人才',
     'Research, core technologies and the people who carry them.', null, 3);

insert into theme (slug, name, name_zh, description, parent_id, position)
select v.slug, v.name, v.name_zh, v.description, p.id, v.position
from (values
    ('digital-economy', 'integration-of-digital-technology-and-the-real-economy',
     'Integration of digital technology and the real economy', '数字技术与实体经济深度融合',
     'Bringing digital technology into manufacturing, services and agriculture.', 1),
    ('digital-economy', 'digital-industry-clusters', 'Digital industry clusters', '数字产业集群',
     'Core digital industries, leading enterprises and clusters of firms of all sizes.', 2),
    ('digital-economy', 'digital-infrastructure', 'Digital infrastructure', '数字基础设施',
     'Networks, computing power and the other foundations of the digital economy.', 3),
    ('digital-economy', 'data-as-a-factor-of-production', 'Data as a factor of production', '数据要素',
     'Developing and using data as a factor of production, and the markets for it.', 4),
    ('digital-economy', 'regulation-and-governance-of-the-digital-economy',
     'Regulation and governance of the digital economy', '数字经济治理',
     'Supervision, laws, regulations and policies for the digital economy.', 5),
    ('digital-economy', 'cross-border-data-and-international-cooperation',
     'Cross-border data and international cooperation', '数据跨境与国际合作',
     'Cross-border data management and international cooperation in the digital economy.', 6),
    ('digital-transformation-of-industries', 'digital-transformation-of-manufacturing',
     'Digital transformation of manufacturing', '制造业数字化转型', null, 1),
    ('digital-transformation-of-industries', 'digital-transformation-of-services',
     'Digital transformation of services', '服务业数字化转型', null, 2),
    ('digital-transformation-of-industries', 'digital-transformation-of-agriculture',
     'Digital transformation of agriculture', '农业数字化转型', null, 3),
    ('digital-transformation-of-industries', 'digital-transformation-of-smes',
     'Digital transformation of small and medium-sized enterprises', '中小企业数字化转型', null, 4),
    ('innovation-and-talent', 'talent', 'Talent', '人才',
     'Training and recruiting the people that development needs.', 1),
    ('innovation-and-talent', 'core-technologies', 'Independent innovation and core technologies', '自主创新与关键核心技术',
     'Basic research, cutting-edge technology and key core technologies.', 2)
) as v (parent_slug, slug, name, name_zh, description, position)
join theme p on p.slug = v.parent_slug;

insert into person (slug, name, native_name, description) values
    ('li-keqiang', 'Li Keqiang', '李克强', 'Premier of the State Council from 2013 to March 2023.'),
    ('chen-chun', 'Chen Chun', '陈纯', 'Computer scientist, academician of the Chinese Academy of Engineering.'),
    ('ding-xuexiang', 'Ding Xuexiang', '丁薛祥', 'Vice Premier of the State Council from March 2023.'),
    ('zhang-guoqing', 'Zhang Guoqing', '张国清', 'Vice Premier of the State Council from March 2023.'),
    ('liu-guozhong', 'Liu Guozhong', '刘国中', 'Vice Premier of the State Council from March 2023.'),
    ('xi-jinping', 'Xi Jinping', '习近平', 'General Secretary of the Central Committee of the Communist Party of China.');

insert into person_alias (person_id, alias)
select p.id, v.alias
from (values
    ('li-keqiang', 'Premier Li Keqiang'), ('li-keqiang', '李克强总理'),
    ('chen-chun', 'Academician Chen Chun'),
    ('ding-xuexiang', 'Vice Premier Ding Xuexiang'),
    ('zhang-guoqing', 'Vice Premier Zhang Guoqing'),
    ('liu-guozhong', 'Vice Premier Liu Guozhong'),
    ('xi-jinping', 'General Secretary Xi Jinping'), ('xi-jinping', 'Comrade Xi Jinping')
) as v (slug, alias)
join person p on p.slug = v.slug;

insert into person_office (person_id, title, organization, start_date, end_date, position)
select p.id, v.title, v.organization, v.start_date::date, v.end_date::date, 1
from (values
    ('li-keqiang', 'Premier', 'State Council', '2013-03-15', '2023-03-11'),
    ('chen-chun', 'Academician', 'Chinese Academy of Engineering', null, null),
    ('ding-xuexiang', 'Vice Premier', 'State Council', '2023-03-12', null),
    ('zhang-guoqing', 'Vice Premier', 'State Council', '2023-03-12', null),
    ('liu-guozhong', 'Vice Premier', 'State Council', '2023-03-12', null),
    ('xi-jinping', 'General Secretary', 'Central Committee of the Communist Party of China', '2012-11-15', null)
) as v (slug, title, organization, start_date, end_date)
join person p on p.slug = v.slug;

insert into record (slug, title, kind, date, date_precision, place, organization, language, summary, body, source,
                    status, created_by, updated_by)
values ('state-council-study-session-digital-economy-2023-08-21',
        $seed$Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital Economy Development$seed$,
        'STUDY_SESSION', date '2023-08-21', 'DAY', 'Beijing', 'State Council', 'en',
        'The State Council''s third special study session, on accelerating the development of the digital economy '
            || 'and the deep integration of digital technology with the real economy, with a lecture by academician Chen Chun.',
        $seed$Beijing, China – On the afternoon of August 21st, the State Council conducted its third special study session with the theme of “Accelerating Digital Economy Development and Promoting Deep Integration of Digital Technology and the Real Economy.” Premier Li Keqiang presided over the session, with academician Chen Chun from the Chinese Academy of Engineering delivering a presentation. Vice Premiers Ding Xuexiang, Zhang Guoqing, and Liu Guozhong participated in the exchange of views.

Premier Li Keqiang, after listening to the lecture and exchanging views, emphasized that since the 18th National Congress of the Communist Party of China, the Party Central Committee, with Comrade Xi Jinping at the core, has attached great importance to the development of the digital economy. General Secretary Xi Jinping has put forward a series of important statements that have provided direction for the development of China’s digital economy and have led to significant achievements. He called for a thorough understanding and implementation of General Secretary Xi Jinping’s important remarks on the development of the digital economy, grasping the new opportunities of the new round of technological revolution and industrial transformation, promoting deep integration of digital technology and the real economy, and continuously strengthening the digital economy to contribute to overall economic recovery and high-quality development.

Premier Li Keqiang pointed out that China possesses multiple advantages, including a vast market, abundant data resources, and diverse application scenarios. The development of the digital economy has extensive space. Efforts should be made to coordinate development and security, leverage advantages, ride the trend, synergize the industrialization of the digital sector and the digitization of industries, and continuously achieve new breakthroughs in the development of the digital economy. He stressed the importance of steadfastly relying on independent innovation, utilizing the advantages of the new type of all-round national system, strengthening basic research, advancing cutting-edge technology research and development, and winning the battle for key core technologies. He called for focusing on the forefront of the digital industrialization strategy, vigorously developing core industries of the digital economy, promoting the development of digital industry clusters, guiding leading enterprises to play a leading role, and promoting collaboration among enterprises of all sizes. He emphasized the need to leverage the characteristics and differentiated needs of different industries, grasp the direction of digitization, networking, and intelligence, use digital technology to comprehensively transform traditional industries, and promote digitization in manufacturing, services, agriculture, and other sectors, reducing the digital transformation costs for small and medium-sized enterprises. Premier Li Keqiang also urged for the continued advancement of digital infrastructure construction, innovative mechanisms for data element development and utilization, enhanced talent training and recruitment, and improvements in the basic support capacity for the development of the digital economy.

Premier Li Keqiang stressed that the development of the digital economy is inseparable from a favorable environment. A systematic perspective should be strengthened, cross-departmental coordination and vertical linkage should be enhanced, efforts from all parties should be pooled together, and major tasks and projects should be accelerated. He emphasized the importance of promoting development and regulatory standards in a balanced manner, adopting an inclusive and prudent regulatory attitude, improving the level of normalized supervision, especially enhancing the predictability of supervision, improving laws, regulations, and policies, and continuously improving the governance system for the digital economy. He called for proactive exploration of new models for cross-border data management and active participation in international cooperation in the digital economy.$seed$,
        'English-language report of the session (the archive''s seed text).',
        'PUBLISHED', 'seed', 'seed');

insert into participation (record_id, person_id, role, office, position)
select r.id, p.id, v.role, v.office, v.position
from (values
    ('li-keqiang', 'PRESIDED', 'Premier of the State Council (as the source names him)', 1),
    ('chen-chun', 'LECTURED', 'Academician, Chinese Academy of Engineering', 2),
    ('ding-xuexiang', 'PARTICIPATED', 'Vice Premier of the State Council', 3),
    ('zhang-guoqing', 'PARTICIPATED', 'Vice Premier of the State Council', 4),
    ('liu-guozhong', 'PARTICIPATED', 'Vice Premier of the State Council', 5),
    ('xi-jinping', 'MENTIONED', 'General Secretary of the CPC Central Committee', 6)
) as v (slug, role, office, position)
join person p on p.slug = v.slug
join record r on r.slug = 'state-council-study-session-digital-economy-2023-08-21';

insert into record_theme (record_id, theme_id)
select r.id, t.id
from record r
join theme t on t.slug in ('digital-economy', 'integration-of-digital-technology-and-the-real-economy',
                           'digital-industry-clusters', 'digital-transformation-of-industries',
                           'digital-transformation-of-manufacturing', 'digital-transformation-of-services',
                           'digital-transformation-of-agriculture', 'digital-transformation-of-smes',
                           'digital-infrastructure', 'data-as-a-factor-of-production', 'talent',
                           'regulation-and-governance-of-the-digital-economy',
                           'cross-border-data-and-international-cooperation', 'core-technologies')
where r.slug = 'state-council-study-session-digital-economy-2023-08-21';

insert into editorial_note (record_id, body, position)
select r.id,
       'The source names the presiding official as “Premier Li Keqiang”. In August 2023 the Premier of the State Council '
           || 'was Li Qiang (李强), who succeeded Li Keqiang in March 2023. The archive keeps the source text verbatim '
           || 'and lists the person as the source names him.',
       1
from record r
where r.slug = 'state-council-study-session-digital-economy-2023-08-21';
