-- One row that every notification append locks until its transaction commits, so that ids are handed out in
-- commit order and a reader that has seen id N never later finds a smaller one appear. PostgreSQL takes an
-- advisory lock instead (several nodes share it); H2 has none.
create table bus_append_order (
    singleton int primary key
);
insert into bus_append_order (singleton) values (1);
