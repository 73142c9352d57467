// A worker only so that the bench can find this extension's id; toggle.html does the work.
