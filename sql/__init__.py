"""The reporting views, one ``CREATE VIEW`` per ``.sql`` file, each with its grain in a header comment.

Installed as package data and read with :mod:`importlib.resources`.
"""
