"""Export screens and files: the /export buttons, the PDF report, file names and the CSV README."""
