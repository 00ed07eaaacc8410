-- Sign-in failures are also counted per login from one client address ("login-address:<login> <address>"):
-- room for a login and an address of 100 characters each.
alter table sign_in_failures alter column subject set data type varchar(250);
