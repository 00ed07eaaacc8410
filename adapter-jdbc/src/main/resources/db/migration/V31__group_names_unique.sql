-- Group names are unique (docs/DECISIONS.md). A database from before keeps the oldest group of each name as it
-- is; every later group of the same name is renamed "<name> #<id>", so that the constraint can hold.
update user_groups set name = left(name, 180) || ' #' || cast(id as varchar(20))
where exists (select 1 from user_groups older where older.name = user_groups.name and older.id < user_groups.id);
drop index user_groups_by_name;
alter table user_groups add constraint user_groups_name_unique unique (name);
