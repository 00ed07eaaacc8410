-- The notification bus shared by several server nodes on one PostgreSQL database: every notification is
-- written here in the same transaction as the change it announces; nodes learn of new rows through
-- LISTEN/NOTIFY and read them by id. (On H2, a single node, the bus lives in memory and this stays empty.)
create table bus_notifications (
    id          bigint generated always as identity primary key,
    channel     varchar(300)             not null,
    message     text                     not null,
    appended_at timestamp with time zone not null
);
create index bus_notifications_by_time on bus_notifications (appended_at);

-- The highest id the retention has dropped: a client resuming from below it has missed notifications.
create table bus_pruned (
    singleton    int    primary key,
    pruned_up_to bigint not null
);
insert into bus_pruned (singleton, pruned_up_to) values (1, 0);
