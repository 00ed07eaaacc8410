-- Which stored messages' text each notification carries (its post, an edit, a session showing it as a member's
-- last message). Deleting a message finds here, by index, the notifications to rewrite without that text;
-- a notification dropped by the retention takes its rows along.
create table bus_notification_texts (
    notification_id bigint not null references bus_notifications (id) on delete cascade,
    message_id      bigint not null,
    primary key (notification_id, message_id)
);
create index bus_notification_texts_by_message on bus_notification_texts (message_id);
