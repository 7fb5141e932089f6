"""``python -m seo_export`` runs the command line."""

from seo_export.cli import main

main(prog_name="seo-export")
