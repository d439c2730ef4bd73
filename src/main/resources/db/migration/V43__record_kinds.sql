-- Kinds of record become a vocabulary that admins extend and rename, instead of a list fixed in the code. A kind's id
-- is what record.kind has always held (STUDY_SESSION), so existing records keep their values and the search index
-- its terms; the address code (study-session) is the id in lower case with hyphens. The label is the kind's spelling
-- in the interchange format ("study session"), kept when the kind is renamed so that exports read back the same.
-- cited_as is what a citation takes a record of the kind for (CSL speech, interview, personal communication, report or
-- document).
create table kind (
    id         varchar(60)  primary key,
    label      varchar(100) not null,
    name_en    varchar(100) not null,
    name_zh    varchar(100),
    cited_as   varchar(20)  not null default 'DOCUMENT'
        check (cited_as in ('SPEECH', 'INTERVIEW', 'LETTER', 'REPORT', 'DOCUMENT')),
    position   integer      not null,
    version    bigint       not null default 0,
    created_at timestamptz  not null default now()
);

create unique index kind_label on kind (lower(label));
create unique index kind_name_en on kind (lower(name_en));

insert into kind (id, label, name_en, name_zh, cited_as, position) values
    ('STUDY_SESSION', 'study session', 'Study session', '专题学习', 'SPEECH', 1),
    ('MEETING', 'meeting', 'Meeting', '会议', 'SPEECH', 2),
    ('SPEECH', 'speech', 'Speech', '讲话', 'SPEECH', 3),
    ('ADDRESS', 'address', 'Address', '演讲', 'SPEECH', 4),
    ('INAUGURAL_ADDRESS', 'inaugural address', 'Inaugural address', '就职演说', 'SPEECH', 5),
    ('FAREWELL_ADDRESS', 'farewell address', 'Farewell address', '告别演说', 'SPEECH', 6),
    ('ANNUAL_MESSAGE', 'annual message / State of the Union', 'Annual message / State of the Union', '国情咨文',
        'DOCUMENT', 7),
    ('MESSAGE', 'message', 'Message', '咨文', 'DOCUMENT', 8),
    ('VETO_MESSAGE', 'veto message', 'Veto message', '否决咨文', 'DOCUMENT', 9),
    ('REMARKS', 'remarks', 'Remarks', '致辞', 'SPEECH', 10),
    ('FIRESIDE_CHAT', 'fireside chat', 'Fireside chat', '炉边谈话', 'SPEECH', 11),
    ('DEBATE', 'debate', 'Debate', '辩论', 'SPEECH', 12),
    ('PRESS_CONFERENCE', 'press conference', 'Press conference', '记者会', 'SPEECH', 13),
    ('STATEMENT', 'statement', 'Statement', '声明', 'DOCUMENT', 14),
    ('PROCLAMATION', 'proclamation', 'Proclamation', '公告', 'DOCUMENT', 15),
    ('LETTER', 'letter', 'Letter', '信函', 'LETTER', 16),
    ('INTERVIEW', 'interview', 'Interview', '访谈', 'INTERVIEW', 17),
    ('POLICY_DOCUMENT', 'policy document', 'Policy document', '政策文件', 'DOCUMENT', 18),
    ('REPORT', 'report', 'Report', '报告', 'REPORT', 19),
    ('GOVERNMENT_WORK_REPORT', 'government work report', 'Government work report', '政府工作报告', 'REPORT', 20),
    ('RESOLUTION', 'resolution', 'Resolution', '决议', 'DOCUMENT', 21),
    ('NPC_RESOLUTION', 'NPC resolution on the government work report', 'NPC resolution on the government work report',
        '全国人民代表大会关于政府工作报告的决议', 'DOCUMENT', 22);

-- the code never wrote another value, but a value written by hand must not stop the migration: it becomes a kind
insert into kind (id, label, name_en, cited_as, position)
select distinct r.kind, lower(replace(r.kind, '_', ' ')), initcap(replace(r.kind, '_', ' ')), 'DOCUMENT', 100
from record r
where not exists (select 1 from kind k where k.id = r.kind);

alter table record add constraint record_kind_fk foreign key (kind) references kind (id);

-- what an import does with kinds the archive does not know: maps them to known ones ("party congress report" to
-- REPORT, one mapping a line, "spelling=ID"), creates them, or (neither) rejects their lines; kept with the job so
-- that a resumed import reads its file the same way
alter table import_job add column kind_mappings text;
alter table import_job add column create_kinds boolean not null default false;
