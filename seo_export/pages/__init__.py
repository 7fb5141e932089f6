"""Built HTML pages of a site: scanning them, auditing them (check), and putting our block in
(inject) or taking it out (eject)."""
