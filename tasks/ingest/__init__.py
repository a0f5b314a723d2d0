"""Files in: finding the page files of a run, reading their bytes and decoding them to text."""
