-- Up to which id the retention dropped notifications of one channel to keep the log within its count and
-- bytes (it takes from the channels holding the most): a client resuming from below it on that channel has
-- missed some; clients of other channels have not. A row melts into bus_pruned once what it lost is older than
-- the retention, and there are never more rows than the retention's count.
create table bus_channel_pruned (
    channel      varchar(300)             primary key,
    pruned_up_to bigint                   not null,
    appended_at  timestamp with time zone not null
);
create index bus_channel_pruned_by_id on bus_channel_pruned (pruned_up_to);
