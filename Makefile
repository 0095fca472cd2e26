# Shortcuts; the README's two commands work without make.
.PHONY: setup site lecturer test lint goldens bench
setup:
	bash .ci/setup
site: setup
	.venv/bin/dandelion build
lecturer: setup
	.venv/bin/dandelion build --edition lecturer
test: setup
	.venv/bin/pytest
lint: setup
	.venv/bin/ruff check generator tests bench
goldens: setup
	.venv/bin/pytest tests/site --update-goldens
bench: setup
	.venv/bin/python bench/run.py
